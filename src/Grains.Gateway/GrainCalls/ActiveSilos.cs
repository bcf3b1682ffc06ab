using Grains.Gateway.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Messaging;

namespace Grains.Gateway.GrainCalls;

/// <summary>
/// Reads the cluster's active silos (their client gateways, from the membership table in Redis) every
/// <see cref="GatewayOptions.SiloListRefreshPeriod"/>. A silo that leaves the active set (declared dead after a pause,
/// or stopping) is a failure seen by <see cref="InFlightCalls"/>; the count serves the readiness check.
/// </summary>
public sealed partial class ActiveSilos(
    IGatewayListProvider gatewayList,
    InFlightCalls inFlight,
    IOptions<GatewayOptions> options,
    ILogger<ActiveSilos> logger) : BackgroundService
{
    private IReadOnlySet<Uri> _active = new HashSet<Uri>();
    private bool _readFailed;

    private long _changes;

    /// <summary>How many silos were active at the last successful read.</summary>
    public int Count => Volatile.Read(ref _active).Count;

    /// <summary>How many times the set of active silos has changed (a silo joined or left it) since the gateway started.</summary>
    public long Changes => Interlocked.Read(ref _changes);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SiloListRefreshPeriod);
        do
        {
            try
            {
                var current = (await gatewayList.GetGateways().WaitAsync(stoppingToken).ConfigureAwait(false)).ToHashSet();
                var previous = Interlocked.Exchange(ref _active, current);
                if (previous.Any(silo => !current.Contains(silo)))
                {
                    inFlight.FailureSeen();
                }

                if (!previous.SetEquals(current))
                {
                    Interlocked.Increment(ref _changes);
                }

                _readFailed = false;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Redis is restarting, or the client is not connected yet: keep the last list and try again.
                if (!_readFailed)
                {
                    _readFailed = true;
                    LogReadFailed(logger, ex);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(1, LogLevel.Warning, "Could not read the cluster's active silos; keeping the last list.")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);
}
