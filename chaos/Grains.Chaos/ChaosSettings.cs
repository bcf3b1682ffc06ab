using Grains.Chaos.Cluster;
using Grains.Chaos.Nemesis;
using Grains.Chaos.Workload;

namespace Grains.Chaos;

/// <summary>A whole run: the cluster, the workload, the faults and for how long.</summary>
public sealed record ChaosSettings
{
    public string Mode { get; init; } = "short";

    /// <summary>Seeds the fault schedule and the users' choices, so that a run can be repeated.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>How long faults are injected while the workload runs.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Workload without faults after the last fault, before the final read.</summary>
    public TimeSpan CalmTail { get; init; } = TimeSpan.FromSeconds(3);

    public ChaosClusterOptions Cluster { get; init; } = new();

    public WorkloadOptions Workload { get; init; } = new();

    public NemesisOptions Nemesis { get; init; } = new();

    /// <summary>The CI mode: at most about 2 minutes, every fault kind at least once.</summary>
    public static ChaosSettings Short => new()
    {
        Mode = "short",
        Duration = TimeSpan.FromSeconds(60),
        Nemesis = new NemesisOptions { Interval = TimeSpan.FromSeconds(6) },
    };

    /// <summary>The long mode: 20 minutes of mixed faults, one every 5 s, some two hundred in all.</summary>
    public static ChaosSettings Long => new()
    {
        Mode = "long",
        Duration = TimeSpan.FromMinutes(20),
        Nemesis = new NemesisOptions { Interval = TimeSpan.FromSeconds(5) },
    };
}
