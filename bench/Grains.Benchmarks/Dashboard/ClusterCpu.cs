namespace Grains.Benchmarks.Dashboard;

/// <summary>CPU time used by each silo and by the gateway of one cluster: since start, or, from <see cref="Since"/>, over a window.</summary>
internal sealed record ClusterCpu(IReadOnlyList<TimeSpan> PerSilo, TimeSpan Gateway)
{
    public TimeSpan Silos => PerSilo.Aggregate(TimeSpan.Zero, (a, b) => a + b);

    public TimeSpan BusiestSilo => PerSilo.Max();

    public ClusterCpu Since(ClusterCpu before) => new([.. PerSilo.Select((cpu, i) => cpu - before.PerSilo[i])], Gateway - before.Gateway);
}
