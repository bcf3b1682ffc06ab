using System.Collections.Concurrent;
using Grains.Runtime.Membership;

namespace Grains.Runtime.Directory;

/// <summary>
/// Where this process last saw each grain answer. A hint, never the truth: a wrong entry costs one forward or
/// one rejected attempt, and entries pointing at dead silos are dropped as soon as the view says so.
/// </summary>
internal sealed class LocationCache
{
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<GrainId, SiloAddress> _locations = new();

    public LocationCache(MembershipView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        view.Changed += OnMembershipChanged;
    }

    public bool TryGet(GrainId grain, out SiloAddress silo) => _locations.TryGetValue(grain, out silo!);

    public void Set(GrainId grain, SiloAddress silo)
    {
        if (_locations.Count >= MaxEntries)
        {
            // Bounded without bookkeeping: dropping everything only costs a lookup per grain.
            _locations.Clear();
        }

        _locations[grain] = silo;
    }

    public void Remove(GrainId grain) => _locations.TryRemove(grain, out _);

    public void Remove(GrainId grain, SiloAddress silo) => _locations.TryRemove(new KeyValuePair<GrainId, SiloAddress>(grain, silo));

    private void OnMembershipChanged(IReadOnlyList<SiloAddress> newlyDead)
    {
        if (newlyDead.Count == 0)
        {
            return;
        }

        var dead = newlyDead.ToHashSet();
        foreach (var (grain, silo) in _locations)
        {
            if (dead.Contains(silo))
            {
                _locations.TryRemove(new KeyValuePair<GrainId, SiloAddress>(grain, silo));
            }
        }
    }
}
