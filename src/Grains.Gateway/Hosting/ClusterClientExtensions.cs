using Grains.Gateway.Operators;
using Grains.Hosting;
using Grains.Hosting.Cluster;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;

namespace Grains.Gateway.Hosting;

/// <summary>
/// The one place where the gateway's Orleans client is configured, with the reason for every option set. Only the
/// operator tools use it (the dashboard, the placement view, the cluster API); requests of the shop's API are forwarded
/// to the silos over HTTP.
/// </summary>
public static class ClusterClientExtensions
{
    private static readonly TimeSpan s_connectRetryPause = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Makes the gateway an Orleans client of the cluster named by <c>Cluster:Id</c>, which it finds in the membership
    /// table at <c>Redis:ConnectionString</c>. <see cref="IClusterClient"/> comes from DI.
    /// </summary>
    public static WebApplicationBuilder AddOperatorClusterClient(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddClusterIdentity(builder.Configuration);
        services.TryAddSingleton(TimeProvider.System);

        var hostedServices = services.Where(d => d.ServiceType == typeof(IHostedService)).ToHashSet();
        builder.UseOrleansClient(client =>
        {
            client.UseRedisClustering(_ => { });
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

        services.AddRedisClusterMembership();

        // The operator tools' reads are small; a silo that dies during one only makes that read fail, and the next one
        // goes elsewhere: the client rereads the list of silos every second instead of every minute, and gives up on
        // an unanswered call after 5 s instead of 30.
        services.Configure<Orleans.Configuration.GatewayOptions>(options => options.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
        services.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromSeconds(5));
        return builder;
    }
}
