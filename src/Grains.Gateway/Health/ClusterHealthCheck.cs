using Grains.Gateway.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Grains.Gateway.Health;

/// <summary>Ready when at least one silo takes requests.</summary>
public sealed class ClusterHealthCheck(SiloBackends silos) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(silos.Routable.Count == 0
            ? HealthCheckResult.Unhealthy("No silo takes requests.")
            : HealthCheckResult.Healthy($"{silos.Routable.Count} silos take requests."));
}
