using StackExchange.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Grains.Gateway.Health;

/// <summary>
/// Ready when Redis answers PING. It keeps its own small connection, opened at the first check, so that readiness
/// reflects Redis itself and not the state of the cluster client's connection.
/// </summary>
public sealed class RedisHealthCheck(string connectionString) : IHealthCheck, IDisposable
{
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private ConnectionMultiplexer? _connection;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
            await connection.GetDatabase().PingAsync().ConfigureAwait(false);
            return HealthCheckResult.Healthy("Redis answers.");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or OperationCanceledException)
        {
            // The exception is not passed on: its message may name the server and its options.
            return HealthCheckResult.Unhealthy("Redis does not answer.");
        }
    }

    public void Dispose()
    {
        _connection?.Dispose();
        _connectLock.Dispose();
    }

    private async Task<ConnectionMultiplexer> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_connection is { } existing)
        {
            return existing;
        }

        await _connectLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_connection is null)
            {
                var options = ConfigurationOptions.Parse(connectionString);
                options.AbortOnConnectFail = false;
                options.ConnectTimeout = 2000;
                options.SyncTimeout = 2000;
                _connection = await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
            }

            return _connection;
        }
        finally
        {
            _connectLock.Release();
        }
    }
}
