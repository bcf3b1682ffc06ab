using Grains.Proxy.Forwarding;
using Grains.Proxy.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Grains.Proxy.Hosting;

public static class ProxyServiceCollectionExtensions
{
    /// <summary>
    /// The proxy, with its options bound from <paramref name="section"/> (named <paramref name="sectionName"/> in
    /// errors). The host registers where the backends come from (<see cref="Backends.IBackendSource"/>) and how a request
    /// picks one (<see cref="Routing.IBackendPolicy"/>).
    /// </summary>
    public static IServiceCollection AddProxy(this IServiceCollection services, IConfiguration section, string sectionName)
    {
        services.AddHttpForwarder();
        services.AddOptions<ProxyOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProxyOptions>>(new ProxyOptionsValidator(sectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ProxyMetrics>();
        services.AddSingleton<RequestForwarder>();
        services.AddProblemDetails();
        return services;
    }

    /// <summary>Forwards every request that matches <paramref name="pattern"/> and no more specific route.</summary>
    public static IEndpointConventionBuilder MapForwarded(this IEndpointRouteBuilder app, string pattern)
    {
        ArgumentNullException.ThrowIfNull(app);
        var forwarder = app.ServiceProvider.GetRequiredService<RequestForwarder>();
        return app.Map(pattern, forwarder.ForwardAsync);
    }
}
