namespace Grains.Gateway.Operators;

/// <summary>
/// The membership changes this gateway has seen, in a bounded ring held in memory (<see cref="OperatorOptions.EventCapacity"/>),
/// fed by <see cref="ClusterMonitor"/> with every read of the membership table. It is this gateway's own memory: a
/// gateway that starts afresh begins with a "joined" event per silo the table lists as alive, and a "dead" one (cause
/// unknown) per silo that died in the last <see cref="SeedWindow"/>, without grain counts. Gateways do not share it.
/// </summary>
public sealed class MembershipTimeline(int capacity)
{
    /// <summary>How far back a fresh gateway reads the membership table's history.</summary>
    public static readonly TimeSpan SeedWindow = TimeSpan.FromHours(1);

    /// <summary>How long after a silo is gone its grains are looked for on other silos.</summary>
    public static readonly TimeSpan MoveWatch = TimeSpan.FromMinutes(5);

    /// <summary>How old the last look at the grains may be for an event to count the grains that moved after it.</summary>
    public static readonly TimeSpan RecentGrains = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly LinkedList<TimelineEntry> _entries = new();
    private readonly Dictionary<SiloAddress, SiloStatus> _known = [];
    private Dictionary<SiloAddress, HashSet<GrainId>> _lastGrains = [];
    private DateTimeOffset _lastGrainsAt;
    private bool _seeded;

    /// <summary>The events, oldest first.</summary>
    public IReadOnlyList<MembershipEvent> Events
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries.Select(e => e.ToEvent())];
            }
        }
    }

    /// <summary>Records what changed since the last sample, then counts the grains that reappeared elsewhere.</summary>
    /// <returns>Whether the membership changed (a silo's status, or a new silo).</returns>
    public bool Observe(ClusterSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var changed = false;
        lock (_lock)
        {
            if (!_seeded)
            {
                Seed(sample);
            }
            else
            {
                foreach (var host in sample.Hosts)
                {
                    _known.TryGetValue(host.SiloAddress, out var before);
                    changed |= before != host.Status;
                    if (KindOf(before, host.Status) is { } kind)
                    {
                        // Grains seen long ago say nothing of what the silo held when it went.
                        var recent = sample.At - _lastGrainsAt <= RecentGrains;
                        var lost = host.Status == SiloStatus.Dead && recent ? _lastGrains.GetValueOrDefault(host.SiloAddress) ?? [] : null;
                        Add(new TimelineEntry(sample.At, kind, host.SiloName, host.SiloAddress, lost));
                    }

                    _known[host.SiloAddress] = host.Status;
                }
            }

            if (sample.HasGrains)
            {
                TrackMoves(sample);
            }
        }

        return changed;
    }

    private void Seed(ClusterSample sample)
    {
        _seeded = true;
        var since = sample.At - SeedWindow;
        var seeded = new List<TimelineEntry>();
        foreach (var host in sample.Hosts)
        {
            _known[host.SiloAddress] = host.Status;
            var started = ClusterViews.Utc(host.StartTime);
            var lastAlive = ClusterViews.Utc(host.IAmAliveTime);
            if (host.Status == SiloStatus.Dead)
            {
                if (lastAlive >= since)
                {
                    seeded.Add(new TimelineEntry(started, "joined", host.SiloName, host.SiloAddress, null));
                    seeded.Add(new TimelineEntry(lastAlive, "dead", host.SiloName, host.SiloAddress, null));
                }
            }
            else if (host.Status == SiloStatus.Active)
            {
                seeded.Add(new TimelineEntry(started, "joined", host.SiloName, host.SiloAddress, null));
            }
        }

        foreach (var entry in seeded.OrderBy(e => e.At))
        {
            Add(entry);
        }
    }

    private static string? KindOf(SiloStatus before, SiloStatus now) => (before, now) switch
    {
        _ when before == now => null,
        (_, SiloStatus.Active) => "joined",
        (SiloStatus.Active or SiloStatus.None or SiloStatus.Created or SiloStatus.Joining, SiloStatus.ShuttingDown or SiloStatus.Stopping) => "shuttingDown",
        (SiloStatus.ShuttingDown or SiloStatus.Stopping, SiloStatus.Dead) => "left",
        (_, SiloStatus.Dead) => "declaredDead",
        _ => null,
    };

    private void Add(TimelineEntry entry)
    {
        _entries.AddLast(entry);
        while (_entries.Count > capacity)
        {
            _entries.RemoveFirst();
        }
    }

    private void TrackMoves(ClusterSample sample)
    {
        var grains = new Dictionary<SiloAddress, HashSet<GrainId>>();
        foreach (var grain in sample.Grains)
        {
            if (!grains.TryGetValue(grain.SiloAddress, out var onSilo))
            {
                grains[grain.SiloAddress] = onSilo = [];
            }

            onSilo.Add(grain.GrainId);
        }

        foreach (var entry in _entries)
        {
            if (entry.Lost is null || sample.At - entry.At > MoveWatch)
            {
                continue;
            }

            foreach (var (silo, onSilo) in grains)
            {
                if (!silo.Equals(entry.Address))
                {
                    entry.Moved.UnionWith(onSilo.Where(entry.Lost.Contains));
                }
            }
        }

        _lastGrains = grains;
        _lastGrainsAt = sample.At;
    }
}
