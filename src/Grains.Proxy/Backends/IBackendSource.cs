namespace Grains.Proxy.Backends;

/// <summary>Where the proxy learns its backends: the cluster's silos from Redis, or a fixed list.</summary>
public interface IBackendSource
{
    /// <summary>The backends new requests may go to now, in no particular order.</summary>
    IReadOnlyList<Backend> Routable { get; }
}
