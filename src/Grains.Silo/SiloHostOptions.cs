namespace Grains.Silo;

/// <summary>What the silo executable hosts, beyond the runtime's own options.</summary>
public sealed class SiloHostOptions
{
    /// <summary>Paths of extra assemblies whose grain classes this silo hosts (configuration key Silo:GrainAssemblies:N).</summary>
    public IList<string> GrainAssemblies { get; } = [];
}
