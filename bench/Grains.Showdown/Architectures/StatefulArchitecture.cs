namespace Grains.Showdown.Architectures;

/// <summary>Two API servers keeping sessions and carts in their own memory, behind the router, sticky by session.</summary>
internal sealed class StatefulArchitecture : IArchitecture
{
    public string Name => "stateful";

    public string Shape => "router (sticky: the token names its server) + 2 API servers holding sessions and carts in memory; Redis runs but is not used";

    public string VictimDescription => "API server a (half of the sessions and carts live in it)";

    public async Task StartAsync(Deployment deployment, string redis, HttpClient http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var servers = await ShowdownServers.StartPairAsync(deployment, "stateful", [], http, cancellationToken);
        await ShowdownServers.StartRouterAsync(deployment, servers, sticky: true, http, cancellationToken);
    }
}
