using System.Net;
using Grains.Gateway.Serialization;
using Grains.Shop.Catalog;
using Grains.Shop.Contracts.Serialization;
using Grains.Showdown.Server.Apis;
using Grains.Showdown.Server.Errors;
using Grains.Showdown.Server.Routing;
using Grains.Showdown.Server.Serialization;
using Grains.Showdown.Server.Sessions;
using Grains.Showdown.Server.Store;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Grains.Showdown.Server.Hosting;

/// <summary>Composes the server for its mode: the store behind the API, or the router.</summary>
public static class ServerHostingExtensions
{
    /// <summary>The gateway's default body limit, so that both answer 413 alike.</summary>
    private const int MaxRequestBodyBytes = 16 * 1024;

    public static WebApplicationBuilder AddShowdownServer(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var section = builder.Configuration.GetSection(ServerOptions.SectionName);
        services.AddOptions<ServerOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServerOptions>, ServerOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddExceptionHandler<ServerExceptionHandler>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ShopContractsJsonContext.Default);
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, GatewayJsonContext.Default);
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ServerJsonContext.Default);
        });
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        // Warnings only, as the gateway is configured: a log line per request would cost more than serving it.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        switch (section.GetValue<ServerMode>(nameof(ServerOptions.Mode)))
        {
            case ServerMode.Router:
                services.AddSingleton<Router>();
                services.AddHttpClient(nameof(Router))
                    .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
                    {
                        UseProxy = false,
                        UseCookies = false,
                        AllowAutoRedirect = false,
                        AutomaticDecompression = DecompressionMethods.None,
                        // A dead server must be noticed fast; loopback connects in microseconds when it is alive.
                        ConnectTimeout = TimeSpan.FromSeconds(2),
                        MaxConnectionsPerServer = int.MaxValue,
                    })
                    .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
                break;
            case ServerMode.Stateless:
                services.AddSingleton<IConnectionMultiplexer>(sp => ConnectionMultiplexer.Connect(
                    sp.GetRequiredService<IOptions<ServerOptions>>().Value.RedisConnectionString!));
                services.AddSingleton<IShopStore, RedisShopStore>();
                AddShop(services);
                break;
            default:
                services.AddSingleton<IShopStore, MemoryShopStore>();
                AddShop(services);
                break;
        }

        return builder;
    }

    public static WebApplication MapShowdownServer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapGet("/showdown/health", () => TypedResults.Ok());
        if (app.Services.GetRequiredService<IOptions<ServerOptions>>().Value.Mode == ServerMode.Router)
        {
            var router = app.Services.GetRequiredService<Router>();
            app.MapFallback(router.ForwardAsync);
        }
        else
        {
            // Connects to Redis (stateless) before the first request rather than during it.
            app.Services.GetRequiredService<IShopStore>();
            app.MapShopApi();
        }

        return app;
    }

    private static void AddShop(IServiceCollection services)
    {
        services.AddSingleton(_ => ProductCatalog.LoadEmbedded());
        services.AddSingleton<SessionTokens>();
    }
}
