using Grains.Hosting.Health;

namespace Grains.Gateway.Health;

/// <summary><c>/health/live</c>: the process serves HTTP. <c>/health/ready</c>: Redis answers and a silo is active.</summary>
public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static IHealthChecksBuilder AddGatewayHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<ClusterHealthCheck>("silos", tags: [ReadyTag])
            .AddCheck<RedisHealthCheck>("redis", tags: [ReadyTag]);

    public static IEndpointRouteBuilder MapGatewayHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains(ReadyTag) });
        return app;
    }
}
