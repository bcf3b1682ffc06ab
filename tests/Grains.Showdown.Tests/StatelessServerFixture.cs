using Grains.Showdown.Architectures;
using Grains.Testing;

namespace Grains.Showdown.Tests;

/// <summary>A real redis-server and two stateless showdown servers on it, as processes; stopped after the class's tests.</summary>
public sealed class StatelessServerFixture : IAsyncLifetime
{
    private RedisServer? _redis;
    private Deployment? _deployment;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The two servers' base addresses.</summary>
    public IReadOnlyList<Uri> Servers { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _deployment = new Deployment(ClusterIds.Next());
        var servers = await ShowdownServers.StartPairAsync(
            _deployment, "stateless", [$"--Showdown:RedisConnectionString={_redis.ConnectionString}"], Http, CancellationToken.None);
        Servers = [.. servers.Select(s => s.Url)];
    }

    public async Task DisposeAsync()
    {
        if (_deployment is not null)
        {
            await _deployment.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        Http.Dispose();
    }
}
