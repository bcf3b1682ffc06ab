using Grains.Gateway.GrainCalls;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Grains.Gateway.Health;

/// <summary>Ready when the membership table lists at least one active silo.</summary>
public sealed class ClusterHealthCheck(ActiveSilos silos) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(silos.Count > 0
            ? HealthCheckResult.Healthy($"{silos.Count} active silos.")
            : HealthCheckResult.Unhealthy("No active silo."));
}
