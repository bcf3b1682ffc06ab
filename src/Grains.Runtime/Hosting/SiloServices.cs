using Microsoft.Extensions.DependencyInjection;

namespace Grains.Runtime.Hosting;

internal static class SiloServices
{
    public static void Add(IServiceCollection services) { }
}
