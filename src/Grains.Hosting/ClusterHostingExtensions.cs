using Grains.Hosting.Cluster;
using Grains.Hosting.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Grains.Hosting;

public static class ClusterHostingExtensions
{
    /// <summary>
    /// Binds <c>Cluster</c> and <c>Redis</c>, validated when the host starts, and registers the process's one
    /// <see cref="SharedRedis"/> connection.
    /// </summary>
    public static IServiceCollection AddClusterIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ClusterIdentityOptions>().Bind(configuration.GetSection(ClusterIdentityOptions.SectionName)).ValidateOnStart();
        services.AddOptions<RedisConnectionOptions>().Bind(configuration.GetSection(RedisConnectionOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterIdentityOptions>, ClusterIdentityOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisConnectionOptions>, RedisConnectionOptionsValidator>());
        services.TryAddSingleton(sp => new SharedRedis(
            SharedRedis.ParseConfiguration(sp.GetRequiredService<IOptions<RedisConnectionOptions>>().Value.ConnectionString!)));
        return services;
    }
}
