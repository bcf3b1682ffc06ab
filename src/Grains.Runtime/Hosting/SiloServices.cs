using Grains.Runtime.Activation;
using Grains.Runtime.Messaging;
using Grains.Runtime.Membership;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Grains.Runtime.Hosting;

internal static class SiloServices
{
    public static void Add(IServiceCollection services)
    {
        RuntimeServices.Add(services, isSilo: true);
        services.TryAddSingleton<SiloLease>();
        services.TryAddSingleton<MembershipAgent>();
        services.TryAddSingleton<GrainTypeRegistry>();
        services.TryAddSingleton<GrainActivator>();
        services.TryAddSingleton<ActivationEventSink>();
        services.TryAddSingleton<IActivationJournal, NullActivationJournal>();
        services.TryAddSingleton<ActivationServices>();
        services.TryAddSingleton<Catalog>();
        services.TryAddSingleton<Dispatcher>();
        services.TryAddSingleton(sp => new Lazy<Dispatcher>(sp.GetRequiredService<Dispatcher>));
        services.TryAddSingleton(sp => new Lazy<Dispatcher?>(sp.GetRequiredService<Dispatcher>));
        services.TryAddSingleton<SiloConnectionHandler>();
        services.TryAddSingleton(sp => new Lazy<SiloConnectionHandler>(sp.GetRequiredService<SiloConnectionHandler>));
        services.TryAddSingleton<SiloListener>();
        services.TryAddSingleton<SiloLifecycle>();
        services.TryAddSingleton(sp => new LocalSilo(
            sp.GetRequiredService<LocalIdentity>(),
            sp.GetRequiredService<Catalog>(),
            sp.GetRequiredService<ActivationEventSink>(),
            sp.GetRequiredService<SiloLifecycle>()));
        services.AddHostedService(sp => sp.GetRequiredService<SiloLifecycle>());
    }
}
