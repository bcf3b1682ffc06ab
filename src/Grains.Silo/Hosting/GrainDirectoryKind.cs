namespace Grains.Silo.Hosting;

/// <summary>Where the silos record which silo holds each grain's activation.</summary>
public enum GrainDirectoryKind
{
    /// <summary>
    /// Microsoft.Orleans.GrainDirectory.Redis: one Redis key per grain, registered by a Lua compare-and-set, so two
    /// silos that disagree about membership still cannot both register a grain. The default (docs/runtime.md says why).
    /// </summary>
    Redis,

    /// <summary>Orleans' default directory, partitioned over the silos themselves and handed over when membership changes.</summary>
    Cluster,
}
