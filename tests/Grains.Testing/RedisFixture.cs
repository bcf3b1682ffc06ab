using Xunit;

namespace Grains.Testing;

/// <summary>
/// One Redis-compatible server for a test class or collection, started before its first test and stopped after
/// its last, even when tests fail. Tests share the server, so each one uses its own cluster id (<see cref="ClusterIds.Next"/>).
/// </summary>
public class RedisFixture : IAsyncLifetime
{
    private RedisServer? _server;

    public RedisServer Server => _server ?? throw new InvalidOperationException("The Redis fixture has not started.");

    public string ConnectionString => Server.ConnectionString;

    public async Task InitializeAsync() => _server = await RedisServer.StartAsync(CreateOptions());

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Override to start the server differently, e.g. with <see cref="RedisServerOptions.AppendOnly"/>.</summary>
    protected virtual RedisServerOptions CreateOptions() => new();
}
