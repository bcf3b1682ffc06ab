using Grains.Benchmarks.HttpGateway;
using Grains.Testing;

namespace Grains.Benchmarks.Dashboard;

/// <summary>The processes of one cluster measured by <see cref="DashboardCostRunner"/>.</summary>
internal sealed record CostCluster(IReadOnlyList<ProjectProcess> Silos, ProjectProcess Gateway, Uri GatewayUrl, string OperatorKey)
{
    public ClusterCpu ReadCpu() => new([.. Silos.Select(s => ProcessCpu.Of(s.Id))], ProcessCpu.Of(Gateway.Id));
}
