using Grains.Runtime.Membership;

namespace Grains.Runtime.Placement;

/// <summary>
/// Places a grain on the silo that a stable hash of its id picks among the active silos, so that callers racing to
/// activate the same grain agree on the silo.
/// </summary>
public sealed class HashPlacementDirector : IPlacementDirector
{
    public SiloAddress SelectSilo(GrainId grain, IReadOnlyList<SiloAddress> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);

        // FNV-1a: string.GetHashCode is randomized per process, and every process must agree.
        var hash = 2166136261u;
        foreach (var c in grain.ToString())
        {
            hash = (hash ^ c) * 16777619u;
        }

        return candidates[(int)(hash % (uint)candidates.Count)];
    }
}
