using Grains.Runtime.Membership;

namespace Grains.Runtime.Placement;

/// <summary>The default: a uniformly random active silo, which spreads activations without coordination.</summary>
public sealed class RandomPlacementDirector : IPlacementDirector
{
    public SiloAddress SelectSilo(GrainId grain, IReadOnlyList<SiloAddress> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return candidates[Random.Shared.Next(candidates.Count)];
    }
}
