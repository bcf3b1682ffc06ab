using Microsoft.Extensions.DependencyInjection;

namespace Grains.Runtime.Hosting;

internal static class ClientServices
{
    public static void Add(IServiceCollection services) { }
}
