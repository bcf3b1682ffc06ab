using Grains.Runtime.Membership;

namespace Grains.Runtime.Placement;

/// <summary>Chooses the silo on which a grain that has no activation should be activated.</summary>
public interface IPlacementDirector
{
    /// <param name="grain">The grain to place.</param>
    /// <param name="candidates">Active silos, never empty.</param>
    SiloAddress SelectSilo(GrainId grain, IReadOnlyList<SiloAddress> candidates);
}
