using Grains.Testing;
using StackExchange.Redis;

namespace Grains.Showdown.Architectures;

/// <summary>
/// This project's shop on Orleans: two silos (src/Grains.Silo) holding the session and cart grains, written through
/// to Redis, and two gateways (src/Grains.Gateway), behind the same router as the stateless servers, round-robin.
/// </summary>
internal sealed class OrleansArchitecture : IArchitecture
{
    private const string ActiveStatus = "\"Status\":3";
    private static readonly TimeSpan s_joinTimeout = TimeSpan.FromSeconds(180);

    public string Name => "orleans";

    public string Shape => "router (round-robin) + 2 gateways (Orleans clients, no user state) + 2 silos holding the grains, written through to Redis";

    public string VictimDescription => "silo-1 (about half of the grains live in it)";

    public async Task StartAsync(Deployment deployment, string redis, HttpClient http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        string[] cluster = [$"--Redis:ConnectionString={redis}", $"--Cluster:Id={deployment.ClusterId}", "--Logging:LogLevel:Default=Warning"];
        var silo = RepositoryPaths.BuiltAssembly("Grains.Silo");
        foreach (var name in new[] { "silo-1", "silo-2" })
        {
            var process = deployment.Start(name, silo, [.. cluster, $"--Silo:Name={name}", "--Silo:Port=0", "--Silo:GatewayPort=0", .. ContentRoot(silo)]);
            deployment.Victim ??= process;
        }

        await WaitForActiveSilosAsync(deployment, redis, 2);
        var gateway = RepositoryPaths.BuiltAssembly("Grains.Gateway");
        var environment = new Dictionary<string, string>
        {
            ["Gateway__TokenKey"] = ShowdownServers.NewTokenKey(),
            // Lifted so that every request is served: the load sends hundreds of requests a second per session.
            ["Gateway__RateLimit__TokenLimit"] = "1000000000",
            ["Gateway__RateLimit__TokensPerPeriod"] = "1000000000",
        };
        var gateways = new List<(string Route, Uri Url)>();
        foreach (var route in new[] { "g1", "g2" })
        {
            var url = Deployment.LoopbackUrl();
            var process = deployment.Start($"gateway-{route}", gateway, [.. cluster, $"--urls={url}", .. ContentRoot(gateway)], environment);
            await Deployment.WaitUntilOkAsync(http, new Uri(url, "/health/ready"), process, cancellationToken);
            gateways.Add((route, url));
        }

        await ShowdownServers.StartRouterAsync(deployment, gateways, sticky: false, http, cancellationToken);
    }

    /// <summary>The executable's own directory as content root, as deployed: its appsettings.json sets its log levels.</summary>
    private static string[] ContentRoot(string assembly) => ["--contentRoot", Path.GetDirectoryName(assembly)!];

    /// <summary>Both silos must be in the membership table before any grain is placed, or one would hold them all.</summary>
    private static async Task WaitForActiveSilosAsync(Deployment deployment, string redis, int count)
    {
        using var connection = await ConnectionMultiplexer.ConnectAsync(redis);
        var key = new RedisKey($"{deployment.ClusterId}/members/{deployment.ClusterId}");
        await Poll.UntilAsync(
            async () =>
            {
                deployment.EnsureRunning();
                var rows = await connection.GetDatabase().HashValuesAsync(key);
                return rows.Count(r => r.ToString().Contains(ActiveStatus, StringComparison.Ordinal)) >= count;
            },
            s_joinTimeout,
            $"{count} active silos in the membership table");
    }
}
