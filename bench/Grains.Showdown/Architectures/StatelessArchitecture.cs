namespace Grains.Showdown.Architectures;

/// <summary>Two API servers that read and write every session and cart in Redis, behind the proxy, round-robin.</summary>
internal sealed class StatelessArchitecture : IArchitecture
{
    public string Name => "stateless";

    public string Shape => "proxy (round-robin) + 2 API servers reading and writing every session and cart in Redis (Lua compare-and-set on a version)";

    public string VictimDescription => "API server a";

    public NetworkRoundTrips RoundTrips { get; } = new(
        2, 4, "proxy to server, then Redis: a read sends the session's GETEX and the cart's HMGET together (1); an add touches the session, reads the cart, then writes it by compare-and-set (3)");

    public async Task StartAsync(Deployment deployment, string redis, HttpClient http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var servers = await ShowdownServers.StartPairAsync(deployment, "stateless", [$"--Showdown:RedisConnectionString={redis}"], http, cancellationToken);
        await ShowdownServers.StartProxyAsync(deployment, servers, sticky: false, http, cancellationToken);
    }
}
