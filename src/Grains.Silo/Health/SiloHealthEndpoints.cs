using Grains.Hosting.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Grains.Silo.Health;

/// <summary><c>/health/live</c>: the process serves HTTP. <c>/health/ready</c>: an active member, not draining, and Redis answers.</summary>
public static class SiloHealthEndpoints
{
    private const string ReadyTag = "ready";

    public static IHealthChecksBuilder AddSiloHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<SiloHealthCheck>("silo", tags: [ReadyTag])
            .AddCheck<RedisHealthCheck>("redis", tags: [ReadyTag]);

    public static IEndpointRouteBuilder MapSiloHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains(ReadyTag) });
        return app;
    }
}
