namespace Grains.Proxy.Backends;

/// <summary>A fixed list of backends (the showdown's API servers), never departing.</summary>
public sealed class StaticBackendSource(IReadOnlyList<Backend> backends) : IBackendSource
{
    public IReadOnlyList<Backend> Routable { get; } = backends;
}
