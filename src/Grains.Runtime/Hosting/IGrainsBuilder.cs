using Microsoft.Extensions.DependencyInjection;

namespace Grains.Runtime.Hosting;

/// <summary>Configures a silo or a cluster client. Provider packages add extension methods to it.</summary>
public interface IGrainsBuilder
{
    IServiceCollection Services { get; }

    /// <summary>True for a silo (hosts grains); false for a cluster client.</summary>
    bool IsSilo { get; }
}
