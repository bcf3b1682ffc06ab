using Grains.Runtime.Hosting;
using Grains.Shop;
using Grains.Shop.Contracts.Serialization;

namespace Grains.Gateway.Hosting;

/// <summary>How the gateway reaches the grains: as a client of a Redis-backed cluster, or by hosting one in-memory silo.</summary>
public static class ClusterConnection
{
    public const string RedisConnectionStringKey = "Redis:ConnectionString";

    /// <summary>
    /// With <c>Redis:ConnectionString</c> the gateway is a cluster client of the cluster named by <c>Cluster:Id</c>.
    /// Without it (development) the gateway hosts a single in-memory silo with the shop's grains, unless
    /// <c>Gateway:HostSilo</c> is false: then it is a client of the in-memory cluster registered in the same process
    /// (used by tests that host their silos in-process).
    /// </summary>
    public static IGrainsBuilder AddShopCluster(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var redis = configuration[RedisConnectionStringKey];
        var hostSilo = configuration.GetValue<bool?>($"{GatewayOptions.SectionName}:{nameof(GatewayOptions.HostSilo)}") ?? string.IsNullOrEmpty(redis);
        if (!string.IsNullOrEmpty(redis))
        {
            throw new NotSupportedException("The Redis providers are not available in this build yet.");
        }

        return hostSilo
            ? services.AddGrainsSilo(configuration).UseInMemory().AddShop(configuration)
            : services.AddGrainsClient(configuration).UseInMemory().AddJsonTypeInfoResolver(ShopContractsJsonContext.Default);
    }
}
