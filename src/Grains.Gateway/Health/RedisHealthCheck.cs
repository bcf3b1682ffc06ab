using Grains.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Grains.Gateway.Health;

/// <summary>Ready when Redis answers PING over the cluster's own connection.</summary>
public sealed class RedisHealthCheck(RedisConnection connection) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await connection.ExecuteAsync(database => database.PingAsync(), cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("Redis answers.");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or OperationCanceledException or InvalidOperationException)
        {
            // The exception is not passed on: its message may name the server and its options.
            return HealthCheckResult.Unhealthy("Redis does not answer.");
        }
    }
}
