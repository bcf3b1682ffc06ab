using System.Security.Cryptography;
using Grains.Benchmarks.HttpGateway;
using Grains.Testing;

namespace Grains.Benchmarks;

/// <summary>
/// redis-server, silo processes and one gateway process on 127.0.0.1, as production runs them (the silos' default
/// limits unless <c>siloSettings</c> says otherwise), for the commands that drive the shop from outside. Disposing
/// stops every process it started, by the process it holds.
/// </summary>
internal sealed class ShopProcesses : IAsyncDisposable
{
    private readonly List<ProjectProcess> _processes = [];

    private ShopProcesses(RedisServer redis, string clusterId)
    {
        Redis = redis;
        ClusterId = clusterId;
    }

    public RedisServer Redis { get; }

    public string ClusterId { get; }

    public Uri Gateway { get; private set; } = null!;

    public static async Task<ShopProcesses> StartAsync(
        int siloCount, TextWriter progress, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? siloSettings = null)
    {
        var redis = await RedisServer.StartAsync(cancellationToken: cancellationToken);
        var processes = new ShopProcesses(redis, $"bench-{Guid.NewGuid():N}");
        try
        {
            await processes.StartProcessesAsync(siloCount, progress, siloSettings ?? new Dictionary<string, string>(), cancellationToken);
            return processes;
        }
        catch
        {
            await processes.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_processes))
        {
            await GatewayRunner.StopAsync(process);
        }

        await Redis.DisposeAsync();
    }

    private async Task StartProcessesAsync(int siloCount, TextWriter progress, IReadOnlyDictionary<string, string> siloSettings, CancellationToken cancellationToken)
    {
        string[] cluster = [$"--Redis:ConnectionString={Redis.ConnectionString}", $"--Cluster:Id={ClusterId}"];
        var runtime = new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Production" };
        var siloEnvironment = new Dictionary<string, string>(runtime) { ["Api__TokenKey"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)) };
        await progress.WriteLineAsync($"Starting {siloCount} silos and the gateway...");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var siloAssembly = RepositoryPaths.BuiltAssembly("Grains.Silo");
        foreach (var i in Enumerable.Range(1, siloCount))
        {
            var url = GatewayRunner.LoopbackUrl();
            var silo = ProjectProcess.Start($"silo-{i}", siloAssembly,
                [.. cluster, $"--Silo:Name=silo-{i}", "--Silo:Port=0", "--Silo:GatewayPort=0", "--urls", url.ToString(),
                    .. siloSettings.Select(s => $"--{s.Key}={s.Value}"), .. GatewayRunner.ContentRoot(siloAssembly)],
                siloEnvironment);
            _processes.Add(silo);
            await GatewayRunner.WaitUntilOkAsync(http, new Uri(url, "/health/ready"), silo, cancellationToken);
        }

        Gateway = GatewayRunner.LoopbackUrl();
        var gatewayAssembly = RepositoryPaths.BuiltAssembly("Grains.Gateway");
        var gateway = ProjectProcess.Start("gateway", gatewayAssembly, [.. cluster, "--urls", Gateway.ToString(), .. GatewayRunner.ContentRoot(gatewayAssembly)], runtime);
        _processes.Add(gateway);
        await GatewayRunner.WaitUntilOkAsync(http, new Uri(Gateway, "/health/ready"), gateway, cancellationToken);
    }
}
