using System.Reflection;
using System.Runtime.Loader;
using Grains.Redis;
using Grains.Runtime.Hosting;
using Microsoft.Extensions.Configuration;

namespace Grains.Silo;

internal static class SiloHostBuilderExtensions
{
    /// <summary>Redis when Redis:ConnectionString is set; otherwise a single development silo on in-memory providers.</summary>
    public static IGrainsBuilder UseConfiguredStore(this IGrainsBuilder builder, IConfiguration configuration)
    {
        var redis = configuration.GetSection(RedisOptions.SectionName);
        return string.IsNullOrWhiteSpace(redis["ConnectionString"]) ? builder.UseInMemory() : builder.UseRedis(o => redis.Bind(o));
    }

    public static IGrainsBuilder AddConfiguredGrainAssemblies(this IGrainsBuilder builder, IConfiguration configuration)
    {
        var options = new SiloHostOptions();
        configuration.GetSection("Silo").Bind(options);
        foreach (var path in options.GrainAssemblies)
        {
            var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.GetFullPath(path));
            builder.AddGrains(assembly);
        }

        return builder;
    }
}
