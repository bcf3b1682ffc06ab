using Grains.Hosting;
using Grains.Hosting.Cluster;
using Grains.Hosting.Redis;
using Grains.Proxy.Backends;
using Grains.Proxy.Hosting;
using Grains.Proxy.Routing;
using Grains.Shop.Api.Apis;
using Grains.Shop.Api.GrainCalls;
using Grains.Shop.Api.Hosting;
using Grains.Shop.Catalog;
using Grains.Shop.Contracts.Serialization;
using Grains.Showdown.Server.Apis;
using Grains.Showdown.Server.Errors;
using Grains.Showdown.Server.Routing;
using Grains.Showdown.Server.Serialization;
using Grains.Showdown.Server.Sessions;
using Grains.Showdown.Server.Store;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using StackExchange.Redis;

namespace Grains.Showdown.Server.Hosting;

/// <summary>Composes the server for its mode: a store behind the API, the shop's API as an Orleans client, or the proxy.</summary>
public static class ServerHostingExtensions
{
    /// <summary>The shop's default body limit, so that every architecture answers 413 alike.</summary>
    private const int MaxRequestBodyBytes = 16 * 1024;

    public static WebApplicationBuilder AddShowdownServer(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var section = builder.Configuration.GetSection(ServerOptions.SectionName);
        services.AddOptions<ServerOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServerOptions>, ServerOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        // Warnings only, as the silos and the gateway are configured: a log line per request would cost more than serving it.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // And none from ASP.NET Core's request diagnostics, as in the silos' and the gateway's appsettings.json: while
        // that category logs at all, every request gets an Activity and a log scope, for log lines never written.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);

        switch (section.GetValue<ServerMode>(nameof(ServerOptions.Mode)))
        {
            case ServerMode.Proxy:
                var options = section.Get<ServerOptions>() ?? new ServerOptions();
                services.AddProxy(section, ServerOptions.SectionName);
                services.AddSingleton<IBackendSource>(new StaticBackendSource([.. options.Backends.Select(entry =>
                    BackendEntry.TryParse(entry, out var route, out var address)
                        ? new Backend(route, address, route)
                        : throw new InvalidOperationException("Showdown:Backends holds an entry that is not 'route=http://host:port'."))]));
                services.AddSingleton<IBackendPolicy>(options.Sticky ? new TokenRoutePolicy() : new RoundRobinPolicy());
                break;
            case ServerMode.OrleansClient:
                AddOrleansClient(builder);
                services.AddShopApi(builder.Configuration);
                break;
            case ServerMode.Stateless:
                // The same client settings as the silos' (SharedRedis), so that only the architecture differs.
                services.AddSingleton<IConnectionMultiplexer>(sp => ConnectionMultiplexer.Connect(
                    SharedRedis.ParseConfiguration(sp.GetRequiredService<IOptions<ServerOptions>>().Value.RedisConnectionString!)));
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
        app.MapGet("/showdown/health", () => TypedResults.Ok());
        switch (app.Services.GetRequiredService<IOptions<ServerOptions>>().Value.Mode)
        {
            case ServerMode.Proxy:
                app.MapForwarded("/api/{**rest}");
                break;
            case ServerMode.OrleansClient:
                app.UseShopApi();
                break;
            default:
                app.UseExceptionHandler();
                app.UseStatusCodePages();

                // Connects to Redis (stateless) before the first request rather than during it.
                app.Services.GetRequiredService<IShopStore>();
                app.MapShopApi();
                break;
        }

        return app;
    }

    private static void AddShop(IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<ServerExceptionHandler>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ShopContractsJsonContext.Default);
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, Grains.Shop.Api.Serialization.ApiJsonContext.Default);
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ServerJsonContext.Default);
        });
        services.AddSingleton(_ => ProductCatalog.LoadEmbedded());
        services.AddSingleton<SessionTokens>();
    }

    /// <summary>
    /// An Orleans client of the cluster named by <c>Cluster:Id</c> on <c>Redis:ConnectionString</c>, as the product's
    /// gateways were before the silos served the API: every grain call goes over TCP to a silo's client gateway, chosen
    /// by Orleans, and on from there to the silo holding the grain.
    /// </summary>
    private static void AddOrleansClient(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddClusterIdentity(builder.Configuration);
        builder.UseOrleansClient(client => client
            .UseRedisClustering(_ => { })
            .AddOutgoingGrainCallFilter<SiloTagFilter>());
        services.AddRedisClusterMembership();

        // As the product's gateways had it: the list of silos reread every second, and an unanswered call given up
        // after 5 s, so that a dead silo is left within about a second.
        services.Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
        services.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromSeconds(5));
    }
}
