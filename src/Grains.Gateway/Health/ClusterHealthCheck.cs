using Grains.Gateway.GrainCalls;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Grains.Gateway.Health;

/// <summary>Ready when the membership table lists at least one active silo and the client has connected to the cluster.</summary>
public sealed class ClusterHealthCheck(ActiveSilos silos, ClusterConnection connection) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            silos.Count == 0 ? HealthCheckResult.Unhealthy("No active silo.")
            : !connection.IsConnected ? HealthCheckResult.Unhealthy("Not connected to the cluster yet.")
            : HealthCheckResult.Healthy($"{silos.Count} active silos."));
}
