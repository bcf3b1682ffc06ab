using Grains.Hosting.Sessions;
using Grains.Shop.Api.Apis;
using Grains.Shop.Api.Authentication;
using Grains.Shop.Api.Errors;
using Grains.Shop.Api.GrainCalls;
using Grains.Shop.Api.OpenApi;
using Grains.Shop.Api.RateLimiting;
using Grains.Shop.Api.Serialization;
using Grains.Shop.Api.Telemetry;
using Grains.Shop.Contracts.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Grains.Shop.Api.Hosting;

public static class ShopApiServiceCollectionExtensions
{
    /// <summary>
    /// What the shop's HTTP API needs in a host that can call grains (a silo, or a client of one): its options (section
    /// <c>Api</c>), session tokens and order list cursors, authentication, the rate limits (per session; per client address and in total on the routes that need no token) and how the client's address is told behind a gateway, errors as ProblemDetails, JSON and the
    /// OpenAPI document. The host registers <see cref="GrainCalls.SiloTagFilter"/> with its Orleans builder.
    /// </summary>
    public static IServiceCollection AddShopApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<ApiOptions>, DevelopmentTokenKeySetup>();
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ApiOptions>>(
            (kestrel, api) => kestrel.Limits.MaxRequestBodySize = api.Value.MaxRequestBodyBytes);

        services.AddSingleton(sp => new SessionTokens(sp.GetRequiredService<IOptions<ApiOptions>>().Value.TokenKey!));
        services.AddSingleton(sp => new OrderCursors(sp.GetRequiredService<IOptions<ApiOptions>>().Value.TokenKey!));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ShopGrains>();
        services.AddSingleton<LocalCartReader>();
        services.AddSingleton<PublishedCartJson>();
        services.AddAuthentication(SessionAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ApiOptions>>(
            (limiter, api) => ApiRateLimits.Configure(limiter, api.Value));
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ApiOptions>>(
            (forwarded, api) => ClientAddressing.Configure(forwarded, api.Value.ClientAddress));

        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ShopContractsJsonContext.Default);
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
        });
        services.AddSingleton<ApiMetrics>();
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<ApiDocumentTransformer>();
            options.AddOperationTransformer<ApiOperationTransformer>();
            options.AddSchemaTransformer<NumberSchemaTransformer>();
        });
        return services;
    }
}
