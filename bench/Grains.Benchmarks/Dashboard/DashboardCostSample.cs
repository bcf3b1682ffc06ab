namespace Grains.Benchmarks.Dashboard;

/// <summary>CPU time the processes used over one measured window of one mode.</summary>
internal sealed record DashboardCostSample(DashboardMode Mode, int Round, TimeSpan Window, TimeSpan SilosCpu, TimeSpan GatewayCpu, TimeSpan BusiestSiloCpu);
