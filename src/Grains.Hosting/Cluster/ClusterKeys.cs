namespace Grains.Hosting.Cluster;

/// <summary>The Redis keys of a cluster that more than one kind of process reads (docs/redis-keys.md).</summary>
public static class ClusterKeys
{
    /// <summary>Orleans' membership table (its Redis clustering provider): one JSON row per silo and a <c>Version</c> field.</summary>
    public static string Members(string serviceId, string clusterId) => $"{serviceId}/members/{clusterId}";

    /// <summary>Where each silo publishes its HTTP endpoint (<see cref="SiloHttpEndpoint"/>), one field per silo address.</summary>
    public static string HttpEndpoints(string serviceId, string clusterId) => $"{serviceId}/http/{clusterId}";
}
