using Grains.Silo.Serving;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Grains.Silo.Health;

/// <summary>Ready while the silo is an active member of the cluster and not draining for a stop.</summary>
public sealed class SiloHealthCheck(IClusterMembershipService membership, ILocalSiloDetails localSilo, HttpEndpointPublisher publisher) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            publisher.IsDraining ? HealthCheckResult.Unhealthy("Draining: the silo is stopping.")
            : membership.CurrentSnapshot.GetSiloStatus(localSilo.SiloAddress) is var status && status != SiloStatus.Active
                ? HealthCheckResult.Unhealthy($"The silo is {status}, not active.")
            : HealthCheckResult.Healthy("Active in the cluster."));
}
