namespace Grains.Silo.Tests.Processes;

/// <summary>How a <see cref="SiloCluster"/> starts.</summary>
public sealed class SiloClusterOptions
{
    /// <summary>How many silo processes, named <c>silo-1</c> to <c>silo-N</c>.</summary>
    public int SiloCount { get; init; } = 3;

    /// <summary>Start Redis with an append-only file, so that a restart keeps every acknowledged write.</summary>
    public bool AppendOnlyRedis { get; init; }

    /// <summary>Give every silo <c>--ActivationJournal:Directory</c>, a temporary directory the cluster deletes at the end.</summary>
    public bool Journal { get; init; }

    /// <summary>Extra command-line arguments for every silo, e.g. <c>--Fencing:Enabled=false</c>.</summary>
    public IReadOnlyList<string> SiloArguments { get; init; } = [];
}
