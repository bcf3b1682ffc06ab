namespace Grains.Showdown.Architectures;

/// <summary>
/// The product's former shape, hosted by the showdown's own servers: the same two silos, and two API processes that
/// are Orleans clients of them (Grains.Shop.Api in bench/Grains.Showdown.Server), behind the proxy, round-robin. Every
/// grain call goes over TCP to a silo Orleans picks, and on to the silo holding the grain when that is another.
/// </summary>
internal sealed class OrleansClientArchitecture : IArchitecture
{
    public string Name => "orleans-client";

    public string Shape => "proxy (round-robin) + 2 API servers that are Orleans clients + 2 silos holding the grains, written through to Redis";

    public string VictimDescription => "silo-1 (about half of the users' grains live in it)";

    public NetworkRoundTrips RoundTrips { get; } = new(
        4, 5, "proxy to an API server, then two grain calls in a row (session, cart), each to a silo Orleans picks and, half the time with two silos, on to the one holding the grain (2 x 1.5); an add also writes to Redis (1)");

    public async Task StartAsync(Deployment deployment, string redis, HttpClient http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var cluster = await ShowdownServers.StartSilosAsync(deployment, redis, cancellationToken);
        var servers = await ShowdownServers.StartClientPairAsync(deployment, cluster, http, cancellationToken);
        await ShowdownServers.StartProxyAsync(deployment, servers, sticky: false, http, cancellationToken);
    }
}
