namespace Grains.Hosting.Cluster;

/// <summary>Bound from the configuration section <c>Cluster</c>: which cluster a silo or gateway belongs to.</summary>
public sealed class ClusterIdentityOptions
{
    public const string SectionName = "Cluster";

    /// <summary>
    /// Processes with the same id form one cluster: Orleans' <c>ClusterId</c>, which names the membership table and the
    /// grain directory in Redis.
    /// </summary>
    public string Id { get; set; } = "dev";

    /// <summary>
    /// Orleans' <c>ServiceId</c>, which prefixes every stored grain state. It must outlive deployments (a new cluster of
    /// the same service reads the old one's state); by default it is <see cref="Id"/>.
    /// </summary>
    public string? ServiceId { get; set; }

    public string EffectiveServiceId => string.IsNullOrEmpty(ServiceId) ? Id : ServiceId;
}
