using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Grains.Hosting.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>Orleans' own meter: silos record grain calls, activations, messaging and membership on it; clients their side.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>The standard OpenTelemetry setting that names the collector to push to.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Metrics with OpenTelemetry: Orleans' meter plus <paramref name="meters"/>, pushed over OTLP only when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is configured (environment or configuration; the exporter reads the other
    /// <c>OTEL_*</c> settings itself). <paramref name="configure"/> adds readers of the host's own, such as a scrape
    /// endpoint. Without an endpoint and without <paramref name="configure"/>, nothing is registered and nothing is measured.
    /// </summary>
    public static IServiceCollection AddMetricsExport(
        this IServiceCollection services, IConfiguration configuration, string serviceName, IEnumerable<string> meters, Action<MeterProviderBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);
        if (!otlp && configure is null)
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter([OrleansMeter, .. meters]);
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }

                configure?.Invoke(metrics);
            });
        return services;
    }
}
