using Grains.Gateway.Authentication;
using Grains.Gateway.Errors;
using Grains.Gateway.Health;
using Grains.Gateway.OpenApi;
using Grains.Gateway.Operators;
using Grains.Gateway.RateLimiting;
using Grains.Gateway.Serialization;
using Grains.Gateway.Telemetry;
using Grains.Hosting.Telemetry;
using OpenTelemetry.Metrics;
using Grains.Shop.Contracts.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Grains.Gateway.Hosting;

public static class GatewayServiceCollectionExtensions
{
    /// <summary>Everything the gateway needs besides its cluster client: options, tokens, errors, limits, health and OpenAPI.</summary>
    public static IServiceCollection AddGateway(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<GatewayOptions>().Bind(configuration.GetSection(GatewayOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<GatewayOptions>, DevelopmentTokenKeySetup>();
        services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<GatewayOptions>>(
            (kestrel, gateway) => kestrel.Limits.MaxRequestBodySize = gateway.Value.MaxRequestBodyBytes);

        services.AddSingleton<SessionTokens>();
        services.AddAuthentication(SessionAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        services.AddRateLimiter(_ => { });
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>().Configure<IOptions<GatewayOptions>>(
            (limiter, gateway) => SessionRateLimiting.Configure(limiter, gateway.Value.RateLimit));

        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ShopContractsJsonContext.Default);
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, GatewayJsonContext.Default);
        });
        services.AddGatewayHealthChecks();
        services.AddOperatorTools(configuration);
        services.AddSingleton<GatewayMetrics>();

        // The gateway's meter, Orleans' client meter and ASP.NET Core's; scraped at /metrics when the operator tools are
        // on, pushed over OTLP when an endpoint is configured.
        var scrape = configuration.GetSection(OperatorOptions.SectionName).Get<OperatorOptions>() is { Enabled: true };
        services.AddMetricsExport(
            configuration,
            "grains-gateway",
            [GatewayMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel"],
            scrape ? metrics => metrics.AddPrometheusExporter() : null);
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<ApiDocumentTransformer>();
            options.AddOperationTransformer<ApiOperationTransformer>();
            options.AddSchemaTransformer<NumberSchemaTransformer>();
        });
        return services;
    }
}
