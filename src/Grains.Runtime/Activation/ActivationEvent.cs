using Grains.Runtime.Membership;

namespace Grains.Runtime.Activation;

/// <summary>An activation starting or ending on a silo; the record that lets tests check single activation.</summary>
/// <param name="Timestamp">Monotonic <see cref="System.Diagnostics.Stopwatch"/> timestamp.</param>
public sealed record ActivationEvent(long Timestamp, ActivationEventKind Kind, GrainId Grain, string ActivationId, SiloAddress Silo);
