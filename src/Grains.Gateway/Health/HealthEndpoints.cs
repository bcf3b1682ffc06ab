using Grains.Gateway.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Grains.Gateway.Health;

/// <summary><c>/health/live</c>: the process serves HTTP. <c>/health/ready</c>: Redis (when configured) and a silo answer.</summary>
public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static IHealthChecksBuilder AddGatewayHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var checks = services.AddHealthChecks().AddCheck<ClusterHealthCheck>("silos", tags: [ReadyTag]);
        if (configuration[ClusterConnection.RedisConnectionStringKey] is { Length: > 0 })
        {
            checks.AddCheck<RedisHealthCheck>("redis", tags: [ReadyTag]);
        }

        return checks;
    }

    public static IEndpointRouteBuilder MapGatewayHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains(ReadyTag) });
        return app;
    }
}
