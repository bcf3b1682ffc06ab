namespace Grains.Showdown.Architectures;

/// <summary>Two API servers that read and write every session and cart in Redis, behind the router, round-robin.</summary>
internal sealed class StatelessArchitecture : IArchitecture
{
    public string Name => "stateless";

    public string Shape => "router (round-robin) + 2 API servers reading and writing every session and cart in Redis (Lua compare-and-set on a version)";

    public string VictimDescription => "API server a";

    public async Task StartAsync(Deployment deployment, string redis, HttpClient http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var servers = await ShowdownServers.StartPairAsync(deployment, "stateless", [$"--Showdown:RedisConnectionString={redis}"], http, cancellationToken);
        await ShowdownServers.StartRouterAsync(deployment, servers, sticky: false, http, cancellationToken);
    }
}
