using Grains.Runtime;

namespace Grains.Chaos.Checking;

/// <summary>
/// The time one activation may have served, by the store's clock: from its journaled start to its journaled end, or
/// to its silo's death when the end is missing or later (a silo declared dead has stopped serving: its lease ran out first).
/// </summary>
public sealed record ActivationInterval(GrainId Grain, string ActivationId, string SiloId, string? SiloName, long Start, long End);
