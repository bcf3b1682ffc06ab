using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Grains.Runtime.Activation;
using Grains.Runtime.InMemory;
using Grains.Runtime.Membership;
using Grains.Runtime.Messaging;
using Grains.Runtime.Serialization;
using Grains.Runtime.Storage;
using Grains.Runtime.Directory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Grains.Runtime.Hosting;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>
    /// Hosts a silo in this process. The host must be an ASP.NET Core host: the silo listens through Kestrel.
    /// Options bind from the configuration sections Cluster, Silo, Membership, Messaging and GrainCollection.
    /// </summary>
    public static IGrainsBuilder AddGrainsSilo(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        AddCommon(services, configuration);
        services.AddOptions<SiloOptions>().BindIfPresent(configuration, SiloOptions.SectionName).ValidateOnStart();
        services.AddOptions<GrainCollectionOptions>().BindIfPresent(configuration, GrainCollectionOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SiloOptions>, SiloOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GrainCollectionOptions>, GrainCollectionOptionsValidator>());
        SiloServices.Add(services);
        return new GrainsBuilder(services, isSilo: true);
    }

    /// <summary>Adds a cluster client: an <see cref="IClusterClient"/> for a process that hosts no grains.</summary>
    public static IGrainsBuilder AddGrainsClient(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        AddCommon(services, configuration);
        ClientServices.Add(services);
        return new GrainsBuilder(services, isSilo: false);
    }

    /// <summary>Registers every grain class of <paramref name="assembly"/> (silo only).</summary>
    public static IGrainsBuilder AddGrains(this IGrainsBuilder builder, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(assembly);
        builder.Services.AddSingleton(new GrainAssembly(assembly));
        return builder;
    }

    /// <summary>Adds a source-generated JSON context for call arguments, results and state.</summary>
    public static IGrainsBuilder AddJsonTypeInfoResolver(this IGrainsBuilder builder, IJsonTypeInfoResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(resolver);
        return builder;
    }

    /// <summary>
    /// Uses in-memory membership, directory and default storage. Pass one <paramref name="store"/> to several silos
    /// and clients in one process to form a cluster; without it this process is a single-silo cluster.
    /// </summary>
    public static IGrainsBuilder UseInMemory(this IGrainsBuilder builder, InMemoryClusterStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (store is null)
        {
            services.TryAddSingleton<InMemoryClusterStore>();
        }
        else
        {
            services.AddSingleton(store);
        }

        services.AddSingleton<IMembershipTable, InMemoryMembershipTable>();
        services.AddSingleton<IGrainDirectory, InMemoryGrainDirectory>();
        services.AddKeyedSingleton<IGrainStorage, InMemoryGrainStorage>(GrainStorageNames.Default);
        return builder;
    }

    private static void AddCommon(IServiceCollection services, IConfiguration? configuration)
    {
        services.AddOptions<ClusterOptions>().BindIfPresent(configuration, ClusterOptions.SectionName).ValidateOnStart();
        services.AddOptions<MembershipOptions>().BindIfPresent(configuration, MembershipOptions.SectionName).ValidateOnStart();
        services.AddOptions<MessagingOptions>().BindIfPresent(configuration, MessagingOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterOptions>, ClusterOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MembershipOptions>, MembershipOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MessagingOptions>, MessagingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new GrainSerializer(sp.GetServices<IJsonTypeInfoResolver>()));
    }

    private static OptionsBuilder<T> BindIfPresent<T>(this OptionsBuilder<T> builder, IConfiguration? configuration, string section)
        where T : class =>
        configuration is null ? builder : builder.Bind(configuration.GetSection(section));
}
