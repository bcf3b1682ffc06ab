using System.Reflection;

namespace Grains.LocalCluster;

/// <summary>Where the build put the silo and the gateway (recorded in this assembly at build time).</summary>
public static class BuildOutputs
{
    public static string SiloAssembly => Require("SiloAssembly");

    public static string GatewayAssembly => Require("GatewayAssembly");

    public static string RepositoryRoot => Path.GetFullPath(Metadata("RepositoryRoot"));

    private static string Require(string key)
    {
        var path = Path.GetFullPath(Metadata(key));
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{Path.GetFileName(path)} is not built; run 'dotnet build' of the solution first.", path);
    }

    private static string Metadata(string key) =>
        typeof(BuildOutputs).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The build did not record {key}.");
}
