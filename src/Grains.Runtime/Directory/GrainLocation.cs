using Grains.Runtime.Membership;

namespace Grains.Runtime.Directory;

/// <summary>A directory entry: which activation, on which silo, is the grain's one activation.</summary>
public sealed record GrainLocation(GrainId Grain, SiloAddress Silo, string ActivationId);
