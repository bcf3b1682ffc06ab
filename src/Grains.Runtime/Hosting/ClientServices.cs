using Grains.Runtime.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Grains.Runtime.Hosting;

internal static class ClientServices
{
    public static void Add(IServiceCollection services)
    {
        RuntimeServices.Add(services, isSilo: false);
        services.TryAddSingleton(new Lazy<Dispatcher?>(() => null));
        services.AddHostedService<ClientLifecycle>();
    }
}
