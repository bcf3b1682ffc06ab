namespace Grains.LocalCluster;

/// <summary>The Redis-compatible store the cluster uses, and the process serving it when this tool started one.</summary>
public sealed record Store(string ConnectionString, string Description, ChildProcess? Process);
