using Grains.Hosting.Redis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Clustering.Redis;
using Orleans.Configuration;

namespace Grains.Hosting.Cluster;

/// <summary>What every Orleans process here, silo or client, says about the cluster it belongs to.</summary>
public static class OrleansClusterExtensions
{
    /// <summary>
    /// Orleans' <see cref="ClusterOptions"/> from <c>Cluster:Id</c> and <c>Cluster:ServiceId</c>, and its Redis
    /// membership table on the process's one Redis connection (<see cref="SharedRedis"/>, <c>Redis:ConnectionString</c>).
    /// The caller still selects Redis clustering on its silo or client builder (<c>UseRedisClustering</c>).
    /// </summary>
    public static IServiceCollection AddRedisClusterMembership(this IServiceCollection services)
    {
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
        return services;
    }
}
