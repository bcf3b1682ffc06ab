namespace Grains.Benchmarks.Dashboard;

/// <summary>CPU time the processes used over one measured window of one mode, and that of the <see cref="DashboardMode.Off"/> cluster measured beside it.</summary>
internal sealed record DashboardCostSample(DashboardMode Mode, int Round, TimeSpan Window, TimeSpan SilosCpu, TimeSpan GatewayCpu, TimeSpan BusiestSiloCpu, DashboardCostSample? Beside)
{
    public DashboardCostSample Off => Beside ?? this;
}
