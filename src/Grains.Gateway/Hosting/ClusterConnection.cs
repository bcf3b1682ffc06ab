using Grains.Redis;
using Grains.Runtime.Hosting;
using Grains.Shop;
using Grains.Shop.Contracts.Serialization;

namespace Grains.Gateway.Hosting;

/// <summary>How the gateway reaches the grains: as a client of a Redis-backed cluster, or by hosting one in-memory silo.</summary>
public static class ClusterConnection
{
    public const string RedisConnectionStringKey = RedisOptions.SectionName + ":" + nameof(RedisOptions.ConnectionString);

    /// <summary>
    /// With <c>Redis:ConnectionString</c> the gateway is a cluster client of the cluster named by <c>Cluster:Id</c>.
    /// Without it (development) the gateway hosts a single in-memory silo with the shop's grains. <c>Gateway:HostSilo</c>
    /// overrides the choice: true hosts a silo even with Redis; false makes a client even without Redis, of the
    /// in-memory cluster registered in the same process (for tests that host their silos in-process).
    /// </summary>
    public static IGrainsBuilder AddShopCluster(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var redis = configuration[RedisConnectionStringKey];
        var hostSilo = configuration.GetValue<bool?>($"{GatewayOptions.SectionName}:{nameof(GatewayOptions.HostSilo)}") ?? string.IsNullOrEmpty(redis);
        if (hostSilo)
        {
            var silo = services.AddGrainsSilo(configuration);
            return (string.IsNullOrEmpty(redis) ? silo.UseInMemory() : silo.UseRedis(configuration)).AddShop(configuration);
        }

        var client = services.AddGrainsClient(configuration).AddJsonTypeInfoResolver(ShopContractsJsonContext.Default);
        return string.IsNullOrEmpty(redis) ? client.UseInMemory() : client.UseRedis(configuration);
    }

    private static IGrainsBuilder UseRedis(this IGrainsBuilder builder, IConfiguration configuration) =>
        builder.UseRedis(options => configuration.GetSection(RedisOptions.SectionName).Bind(options));
}
