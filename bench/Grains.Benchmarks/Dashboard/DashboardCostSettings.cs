namespace Grains.Benchmarks.Dashboard;

internal sealed record DashboardCostSettings(TimeSpan WarmUp, TimeSpan Duration, int Rounds, int Silos, int Users, IReadOnlyList<DashboardMode> Modes);
