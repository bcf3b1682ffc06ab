using Grains.Gateway.GrainCalls;
using Grains.Gateway.Operators;
using Grains.Hosting;
using Grains.Hosting.Cluster;
using Grains.Hosting.Redis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Clustering.Redis;
using Orleans.Configuration;

namespace Grains.Gateway.Hosting;

/// <summary>The one place where the gateway's Orleans client is configured, with the reason for every option set.</summary>
public static class ClusterClientExtensions
{
    private static readonly TimeSpan s_connectRetryPause = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Makes the gateway an Orleans client of the cluster named by <c>Cluster:Id</c>, which it finds in the membership
    /// table at <c>Redis:ConnectionString</c>. <see cref="IClusterClient"/> comes from DI.
    /// </summary>
    public static WebApplicationBuilder AddShopClusterClient(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddClusterIdentity(builder.Configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<InFlightCalls>();
        services.AddSingleton<ActiveSilos>();
        services.AddHostedService(sp => sp.GetRequiredService<ActiveSilos>());

        var hostedServices = services.Where(d => d.ServiceType == typeof(IHostedService)).ToHashSet();
        builder.UseOrleansClient(client =>
        {
            client.UseRedisClustering(_ => { });
            client.AddOutgoingGrainCallFilter<SiloTagFilter>();
            client.AddClusterConnectionStatusObserver<GatewayConnectionObserver>();
            client.AddOperatorDashboard(builder.Configuration);

            // Orleans gives up after a few attempts (about 3 minutes); a gateway waits for silos for as long as it runs.
            client.UseConnectionRetryFilter(async (_, cancellationToken) =>
            {
                await Task.Delay(s_connectRetryPause, cancellationToken).ConfigureAwait(false);
                return true;
            });
        });

        // Orleans starts its client as a hosted service, which would hold up the gateway's start until a silo is
        // active and then fail it; ClusterConnection starts the client in the background instead.
        var clientHostedService = services.Single(d => d.ServiceType == typeof(IHostedService) && !hostedServices.Contains(d));
        services.Remove(clientHostedService);
        services.AddSingleton<ClusterConnection>();
        services.AddHostedService(sp => sp.GetRequiredService<ClusterConnection>());

        services.AddOptions<ClusterOptions>().Configure<IOptions<ClusterIdentityOptions>>((orleans, cluster) =>
        {
            orleans.ClusterId = cluster.Value.Id;
            orleans.ServiceId = cluster.Value.EffectiveServiceId;
        });
        services.AddOptions<RedisClusteringOptions>().Configure<SharedRedis, IOptions<RedisConnectionOptions>>((orleans, redis, connection) =>
        {
            orleans.ConfigurationOptions = SharedRedis.ParseConfiguration(connection.Value.ConnectionString!);
            orleans.CreateMultiplexer = _ => redis.GetSharedAsync();
        });

        // The client rereads the list of gateways (active silos) every second instead of every minute, so it stops
        // sending to a dead silo, and starts using a new one, within a second.
        services.Configure<Orleans.Configuration.GatewayOptions>(options => options.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));

        // A call whose silo dies is not answered; Orleans would let it wait 30 s. InFlightCalls abandons such calls
        // 250 ms after the failure is seen; this bounds the calls no failure signal reaches (docs/runtime.md).
        services.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromSeconds(5));
        return builder;
    }
}
