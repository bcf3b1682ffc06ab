using Grains.Runtime;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Grains.Gateway.Health;

/// <summary>Ready when this process's membership view has at least one active silo.</summary>
public sealed class ClusterHealthCheck(IClusterClient cluster) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(cluster.ActiveSilos.Count > 0
            ? HealthCheckResult.Healthy($"{cluster.ActiveSilos.Count} active silos.")
            : HealthCheckResult.Unhealthy("No active silo."));
}
