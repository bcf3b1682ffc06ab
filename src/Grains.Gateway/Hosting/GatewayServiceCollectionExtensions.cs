using Grains.Hosting.Admission;
using Grains.Gateway.Health;
using Grains.Gateway.Operators;
using Grains.Gateway.Routing;
using Grains.Gateway.Telemetry;
using Grains.Hosting;
using Grains.Hosting.Telemetry;
using Grains.Proxy.Backends;
using Grains.Proxy.Hosting;
using Grains.Proxy.Routing;
using Grains.Proxy.Telemetry;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Grains.Gateway.Hosting;

public static class GatewayServiceCollectionExtensions
{
    /// <summary>
    /// The gateway: a reverse proxy (YARP's forwarder) that sends each request to the silo holding its user's grains,
    /// following the silos in Redis; health; and, with an operator key, the operator tools and their Orleans client.
    /// </summary>
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddClusterIdentity(configuration);
        services.AddOptions<GatewayOptions>().Bind(configuration.GetSection(GatewayOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();

        services.AddProxy(configuration.GetSection(GatewayOptions.SectionName), GatewayOptions.SectionName);
        services.AddSingleton<SiloBackends>();
        services.AddSingleton<IBackendSource>(sp => sp.GetRequiredService<SiloBackends>());
        services.AddHostedService(sp => sp.GetRequiredService<SiloBackends>());
        services.AddSingleton<IBackendPolicy, UserAffinityPolicy>();

        services.AddGatewayHealthChecks();
        services.AddSingleton<GatewayMetrics>();
        services.AddAdmissionControl(configuration);
        services.AddOperatorTools(configuration);
        var operators = configuration.GetSection(OperatorOptions.SectionName).Get<OperatorOptions>() is { Enabled: true };
        if (operators)
        {
            // Only the operator tools call grains from the gateway: without them it is no Orleans client at all.
            builder.AddOperatorClusterClient();
        }

        // The proxy's meter, the gateway's, Orleans' client meter and ASP.NET Core's; scraped at /metrics when the
        // operator tools are on, pushed over OTLP when an endpoint is configured.
        services.AddMetricsExport(
            configuration,
            "grains-gateway",
            [ProxyMetrics.MeterName, GatewayMetrics.MeterName, AdmissionMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel"],
            operators ? metrics => metrics.AddPrometheusExporter() : null);
        return builder;
    }
}
