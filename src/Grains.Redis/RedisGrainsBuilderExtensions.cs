using Grains.Runtime.Activation;
using Grains.Runtime.Directory;
using Grains.Runtime.Hosting;
using Grains.Runtime.Membership;
using Grains.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Grains.Redis;

public static class RedisGrainsBuilderExtensions
{
    /// <summary>
    /// Uses Redis for membership, the grain directory and default grain storage, all over one shared connection
    /// that opens when the silo or client starts. Keys are prefixed by <see cref="ClusterOptions.Id"/>.
    /// </summary>
    public static IGrainsBuilder UseRedis(this IGrainsBuilder builder, Action<RedisOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddOptions<RedisOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisOptions>, RedisOptionsValidator>());
        services.TryAddSingleton<RedisConnection>();
        services.AddSingleton<IMembershipTable, RedisMembershipTable>();
        services.AddSingleton<IGrainDirectory, RedisGrainDirectory>();
        services.AddKeyedSingleton<IGrainStorage, RedisGrainStorage>(GrainStorageNames.Default);
        services.AddSingleton<IActivationJournal, RedisActivationJournal>();
        return builder;
    }

    /// <summary>Uses Redis at <paramref name="connectionString"/>; see <see cref="UseRedis(IGrainsBuilder, Action{RedisOptions})"/>.</summary>
    public static IGrainsBuilder UseRedis(this IGrainsBuilder builder, string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        return builder.UseRedis(options => options.ConnectionString = connectionString);
    }
}
