namespace Grains.Showdown.Architectures;

/// <summary>
/// This project's shop as it ships: two silos (src/Grains.Silo) that serve the API next to the session and cart
/// grains, written through to Redis, behind the product's own gateway (src/Grains.Gateway), which sends each request
/// to the silo holding its user's grains.
/// </summary>
internal sealed class OrleansArchitecture : IArchitecture
{
    public string Name => "orleans";

    public string Shape => "the gateway (the same proxy, by user over the silos in Redis) + 2 silos serving the API next to the grains, written through to Redis";

    public string VictimDescription => "silo-1 (about half of the users' grains live in it)";

    public NetworkRoundTrips RoundTrips { get; } = new(
        1, 2, "gateway to the user's silo; the session and cart grains answer in that process; an add also writes the cart to Redis (1)");

    public async Task StartAsync(Deployment deployment, string redis, HttpClient http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var cluster = await ShowdownServers.StartSilosAsync(deployment, redis, cancellationToken);
        await ShowdownServers.StartGatewayAsync(deployment, cluster, http, cancellationToken);
    }
}
