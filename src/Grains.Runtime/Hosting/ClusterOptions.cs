namespace Grains.Runtime.Hosting;

/// <summary>Identifies the cluster. Silos and clients with the same id form one cluster; every store key is prefixed by it.</summary>
public sealed class ClusterOptions
{
    public const string SectionName = "Cluster";

    /// <summary>Cluster id; letters, digits, <c>-</c>, <c>_</c> and <c>.</c>.</summary>
    public string Id { get; set; } = "dev";
}
