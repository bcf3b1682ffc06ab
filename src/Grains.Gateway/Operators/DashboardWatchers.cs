using Grains.Gateway.Telemetry;
using Grains.Shop.Contracts.Operators;

namespace Grains.Gateway.Operators;

/// <summary>
/// Tells every silo, through Orleans' management grain, that an operator looks at the Orleans dashboard: on the first
/// request to one of its routes, then at most every <see cref="SignalInterval"/> while requests keep coming (its pages
/// poll every second). Silos feed the dashboard's counters only while they hear this (<see cref="DashboardWatchSignal"/>),
/// so the dashboard costs an unwatched cluster nothing measurable.
/// </summary>
public sealed partial class DashboardWatchers(IClusterClient cluster, TimeProvider time, GatewayMetrics metrics, ILogger<DashboardWatchers> logger)
{
    /// <summary>How often the signal is repeated while someone watches; silos wait longer than this before they stop.</summary>
    public static readonly TimeSpan SignalInterval = TimeSpan.FromSeconds(30);

    /// <summary>How soon a signal that failed (a silo just died, another one lacks the dashboard) is tried again.</summary>
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(5);

    private long _nextSignal;
    private int _sending;

    /// <summary>An operator's request reached the dashboard: signals the silos unless a signal is recent or on its way.</summary>
    public void Watched()
    {
        if (time.GetTimestamp() < Interlocked.Read(ref _nextSignal) || Interlocked.CompareExchange(ref _sending, 1, 0) != 0)
        {
            return;
        }

        _ = SignalAsync();
    }

    private async Task SignalAsync()
    {
        var next = RetryAfterFailure;
        try
        {
            metrics.ManagementCall();
            await cluster.GetGrain<IManagementGrain>(0)
                .SendControlCommandToProvider<DashboardWatchSignal>(DashboardWatchSignal.ProviderName, DashboardWatchSignal.WatchedCommand, null)
                .ConfigureAwait(false);
            next = SignalInterval;
        }
        catch (Exception ex)
        {
            LogSignalFailed(logger, ex.GetType().Name, RetryAfterFailure.TotalSeconds, ex);
        }
        finally
        {
            Interlocked.Exchange(ref _nextSignal, time.GetTimestamp() + (long)(next.TotalSeconds * time.TimestampFrequency));
            Volatile.Write(ref _sending, 0);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Could not tell the silos that an operator watches the dashboard ({Failure}); trying again in {Seconds} s.")]
    private static partial void LogSignalFailed(ILogger logger, string failure, double seconds, Exception exception);
}
