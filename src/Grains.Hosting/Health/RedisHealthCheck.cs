using Grains.Hosting.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Grains.Hosting.Health;

/// <summary>Ready when Redis answers PING over the process's own connection.</summary>
public sealed class RedisHealthCheck(SharedRedis redis) : IHealthCheck
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await redis.GetAsync().WaitAsync(s_timeout, cancellationToken).ConfigureAwait(false);
            await connection.GetDatabase().PingAsync().WaitAsync(s_timeout, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("Redis answers.");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or OperationCanceledException)
        {
            // The exception is not passed on: its message may name the server and its options.
            return HealthCheckResult.Unhealthy("Redis does not answer.");
        }
    }
}
