using System.Diagnostics;
using StackExchange.Redis;

namespace Grains.Redis;

/// <summary>
/// StackExchange.Redis 1.2.6 can stay disconnected for good after a server restart, failing every command while the
/// server is up (seen once in 42 restarts of the chaos suite; a known issue of that client line). A silo whose client
/// is stuck can neither heartbeat nor learn that its peers declared it dead. So the connection pings its own
/// multiplexer; when no ping has been answered for <see cref="RedisOptions.ReplaceUnresponsiveAfter"/>, it connects a
/// fresh one and, only if that one answers, swaps it in, subscribes it to every channel, and retires the old one once
/// the commands still on it have had their timeout.
/// </summary>
public sealed partial class RedisConnection
{
    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(settings.HealthCheckInterval);
        var answeredAt = Stopwatch.GetTimestamp();
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var current = _owned!;
                if (await AnswersAsync(current, settings.ReplaceUnresponsiveAfter, cancellationToken).ConfigureAwait(false))
                {
                    answeredAt = Stopwatch.GetTimestamp();
                    continue;
                }

                var silentFor = Stopwatch.GetElapsedTime(answeredAt);
                if (silentFor >= settings.ReplaceUnresponsiveAfter
                    && await TryReplaceAsync(current, silentFor, settings, cancellationToken).ConfigureAwait(false))
                {
                    answeredAt = Stopwatch.GetTimestamp();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Disposed.
        }
    }

    private static async Task<bool> AnswersAsync(IConnectionMultiplexer multiplexer, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await multiplexer.GetDatabase().PingAsync().WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return false;
        }
    }

    private async Task<bool> TryReplaceAsync(ConnectionMultiplexer current, TimeSpan silentFor, RedisOptions settings, CancellationToken cancellationToken)
    {
        var configuration = CreateConfiguration(settings);
        // A replacement is only worth having if it connects now; otherwise keep the old one, which may yet reconnect.
        configuration.AbortOnConnectFail = true;
        var endpoints = Describe(configuration.EndPoints);
        Log.Unresponsive(logger, endpoints, silentFor.TotalMilliseconds);

        ConnectionMultiplexer replacement;
        try
        {
            replacement = await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
        }
        catch (RedisException ex)
        {
            Log.ReplacementFailed(logger, endpoints, ex.Message);
            return false;
        }

        if (!await AnswersAsync(replacement, settings.ReplaceUnresponsiveAfter, cancellationToken).ConfigureAwait(false))
        {
            Log.ReplacementFailed(logger, endpoints, "it connected but did not answer a ping");
            replacement.Dispose();
            return false;
        }

        Adopt(replacement);
        ChannelSubscription[] subscriptions;
        bool swapped;
        lock (_gate)
        {
            swapped = !_disposed;
            if (swapped)
            {
                _owned = replacement;
                _connecting = Task.FromResult<IConnectionMultiplexer>(replacement);
            }

            subscriptions = [.. _subscriptions];
        }

        if (!swapped)
        {
            Release(replacement);
            return false;
        }

        foreach (var subscription in subscriptions)
        {
            SubscribeOn(replacement, subscription);
        }

        Log.Replaced(logger, endpoints, subscriptions.Length);
        _ = RetireAsync(current, settings.OperationTimeout, cancellationToken);
        return true;
    }

    /// <summary>Commands already sent on the old client keep their own timeout; close it after that.</summary>
    private async Task RetireAsync(ConnectionMultiplexer retired, TimeSpan grace, CancellationToken cancellationToken)
    {
        await Task.Delay(grace, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Release(retired);
    }
}
