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

    /// <summary>
    /// The longest gap between two looks at the grains (successful or not) after which the grains seen before it no longer
    /// stand for what each silo holds. While someone watches, a look is tried every interval; looks fail while a silo
    /// has died and is not yet declared dead, and the last look that succeeded before them is what the silo held.
    /// </summary>
    public static readonly TimeSpan LookGap = TimeSpan.FromSeconds(30);

    private readonly Lock _lock = new();
    private readonly LinkedList<TimelineEntry> _entries = new();
    private readonly Dictionary<SiloAddress, SiloStatus> _known = [];
    private Dictionary<SiloAddress, HashSet<GrainId>>? _lastGrains;
    private DateTimeOffset _lastLookAt;
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
                        // Grains seen before a gap in the looks say nothing of what the silo held when it went.
                        var looking = _lastGrains is not null && sample.At - _lastLookAt <= LookGap;
                        var lost = host.Status == SiloStatus.Dead && looking ? _lastGrains!.GetValueOrDefault(host.SiloAddress) ?? [] : null;
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

    /// <summary>
    /// Records a look at the grains that failed (a silo died and is not declared dead yet, the store restarts): the
    /// grains of the last look that succeeded still stand for what each silo holds, unless looks stopped for longer
    /// than <see cref="LookGap"/>.
    /// </summary>
    public void LookFailed(DateTimeOffset at)
    {
        lock (_lock)
        {
            Looked(at);
        }
    }

    private void Looked(DateTimeOffset at)
    {
        if (at - _lastLookAt > LookGap)
        {
            _lastGrains = null;
        }

        _lastLookAt = at;
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

        Looked(sample.At);
        _lastGrains = grains;
    }
}
