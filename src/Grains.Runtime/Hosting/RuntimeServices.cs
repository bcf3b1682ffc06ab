using Grains.Runtime.Directory;
using Grains.Runtime.Membership;
using Grains.Runtime.Messaging;
using Grains.Runtime.Placement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Grains.Runtime.Hosting;

/// <summary>What silos and clients share: the membership view, connections, routing and grain references.</summary>
internal static class RuntimeServices
{
    public static void Add(IServiceCollection services, bool isSilo)
    {
        if (services.Any(d => d.ServiceType == typeof(LocalIdentity)))
        {
            throw new InvalidOperationException("A process hosts one silo or one cluster client, not both and not two.");
        }

        services.AddSingleton(new LocalIdentity(isSilo));
        services.TryAddSingleton<MembershipView>();
        services.TryAddSingleton<MembershipRefresher>();
        services.TryAddSingleton<ConnectionManager>();
        services.TryAddSingleton<LocationCache>();
        services.TryAddSingleton<IPlacementDirector, RandomPlacementDirector>();
        services.TryAddSingleton<RuntimeClient>();
        services.TryAddSingleton<IClusterClient>(sp => sp.GetRequiredService<RuntimeClient>());
        services.TryAddSingleton<IGrainFactory>(sp => sp.GetRequiredService<RuntimeClient>());
    }
}
