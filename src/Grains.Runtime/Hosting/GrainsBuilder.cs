using Microsoft.Extensions.DependencyInjection;

namespace Grains.Runtime.Hosting;

internal sealed class GrainsBuilder(IServiceCollection services, bool isSilo) : IGrainsBuilder
{
    public IServiceCollection Services { get; } = services;

    public bool IsSilo { get; } = isSilo;
}
