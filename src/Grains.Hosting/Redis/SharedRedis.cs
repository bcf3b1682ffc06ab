using StackExchange.Redis;

namespace Grains.Hosting.Redis;

/// <summary>
/// The one Redis connection of a process. Orleans' clustering, storage and directory providers each open their own
/// multiplexer unless they are handed one; they all get this one (as shared, so none of them disposes it), and so do
/// the lease and the activation journal. One multiplexer pipelines everything over one socket, which is what an
/// activation storm after a crash needs.
/// </summary>
public sealed class SharedRedis(ConfigurationOptions configuration) : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _connection = new(async () =>
        await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false));

    /// <summary>The multiplexer, connected on first use.</summary>
    public Task<IConnectionMultiplexer> GetAsync() => _connection.Value;

    /// <summary>In the shape Orleans' Redis options ask for: the multiplexer, and that it is shared.</summary>
    public async Task<(IConnectionMultiplexer Multiplexer, bool IsShared)> GetSharedAsync() => (await GetAsync().ConfigureAwait(false), true);

    /// <summary>
    /// Parses a StackExchange.Redis configuration string with the settings every process of the cluster uses:
    /// start even when Redis is not up yet, and keep reconnecting, so a Redis restart is an outage, not a crash; and
    /// do the socket work on .NET's thread pool rather than the client's own pool of 10 dedicated threads, whose
    /// shared queue lock was contended 500 to 1,300 times a second per silo under writes on two cores
    /// (docs/benchmarks.md, "The Redis client's own threads").
    /// </summary>
    public static ConfigurationOptions ParseConfiguration(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.SocketManager = SocketManager.ThreadPool;
        return options;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
        {
            await _connection.Value.Result.DisposeAsync().ConfigureAwait(false);
        }
    }
}
