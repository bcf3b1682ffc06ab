namespace Grains.Showdown.Architectures;

/// <summary>Two API servers keeping sessions and carts in their own memory, behind the proxy, sticky by session.</summary>
internal sealed class StatefulArchitecture : IArchitecture
{
    public string Name => "stateful";

    public string Shape => "proxy (sticky: the token names its server) + 2 API servers holding sessions and carts in memory; Redis runs but is not used";

    public string VictimDescription => "API server a (half of the sessions and carts live in it)";

    public NetworkRoundTrips RoundTrips { get; } = new(1, 1, "proxy to server; the state is in the server's memory");

    public async Task StartAsync(Deployment deployment, string redis, HttpClient http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var servers = await ShowdownServers.StartPairAsync(deployment, "stateful", [], http, cancellationToken);
        await ShowdownServers.StartProxyAsync(deployment, servers, sticky: true, http, cancellationToken);
    }
}
