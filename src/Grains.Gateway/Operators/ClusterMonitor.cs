using Grains.Gateway.Routing;
using Grains.Gateway.Telemetry;
using Microsoft.Extensions.Options;

namespace Grains.Gateway.Operators;

/// <summary>
/// Reads the cluster through Orleans' management grain for the operator tools, to feed the <see cref="MembershipTimeline"/>
/// and the API. While someone watches (an operator request in the last <see cref="WatchWindow"/>) it reads the
/// membership and lists the live activations (which asks every active silo) every <see cref="OperatorOptions.StreamInterval"/>;
/// concurrent watchers share one read per interval. While nobody watches it reads the membership only, and only while
/// it moves: every interval for <see cref="BusyWindow"/> after the set of active silos changed (<see cref="SiloBackends"/>
/// reads it from Redis anyway, for routing) or a read saw a change, and for as long as a silo is joining or shutting
/// down. An unwatched gateway whose cluster is still makes no call at all (docs/dashboard.md, "Cost").
/// </summary>
public sealed partial class ClusterMonitor(
    IClusterClient cluster,
    ClusterConnection connection,
    SiloBackends silos,
    MembershipTimeline timeline,
    IOptions<OperatorOptions> options,
    TimeProvider time,
    GatewayMetrics metrics,
    ILogger<ClusterMonitor> logger) : BackgroundService
{
    /// <summary>How many grains a frame of the placement view carries at most; past it, a sample.</summary>
    public const int MaxGrainsPerFrame = 3000;

    /// <summary>How long after the last operator request the activations are still listed every interval.</summary>
    public static readonly TimeSpan WatchWindow = TimeSpan.FromSeconds(30);

    /// <summary>How long after a membership change nobody watches the membership is still read every interval.</summary>
    public static readonly TimeSpan BusyWindow = TimeSpan.FromSeconds(30);

    /// <summary>How long after its last sign of life a joining or shutting-down silo keeps an unwatched gateway reading.</summary>
    public static readonly TimeSpan TransitionWatch = TimeSpan.FromMinutes(2);

    private readonly SemaphoreSlim _reading = new(1, 1);
    private readonly TimeSpan _interval = options.Value.StreamInterval;
    private ClusterSample? _latest;
    private long _lastWatched;
    private long _busyUntil;
    private long _silosChanges;
    private long _managementCalls;
    private bool _readFailed;

    /// <summary>Calls made to the management grain since start (each listing of activations counts once, though it asks every silo).</summary>
    public long ManagementCalls => Interlocked.Read(ref _managementCalls);

    /// <summary>A sample with the activations, no older than one interval: the last one, or a fresh read. Marks the cluster as watched.</summary>
    /// <exception cref="ClusterNotConnectedException">The gateway has not connected to the cluster yet.</exception>
    public async Task<ClusterSample> GetSampleAsync(CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastWatched, time.GetTimestamp());
        connection.ThrowIfNotConnected();
        if (Volatile.Read(ref _latest) is { HasGrains: true } fresh && time.GetUtcNow() - fresh.At < _interval)
        {
            return fresh;
        }

        return await ReadAsync(withGrains: true, cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            if (!connection.IsConnected)
            {
                continue;
            }

            try
            {
                var watched = IsWatched();
                var changes = silos.Changes;
                if (changes != _silosChanges)
                {
                    _silosChanges = changes;
                    _busyUntil = time.GetTimestamp() + (long)(BusyWindow.TotalSeconds * time.TimestampFrequency);
                }

                var latest = Volatile.Read(ref _latest);
                var moving = watched || latest is null || time.GetTimestamp() < Volatile.Read(ref _busyUntil) || latest.Hosts.Any(h => IsInTransition(h, latest.At));
                if (moving && (latest is null || time.GetUtcNow() - latest.At >= _interval * 0.9))
                {
                    await ReadAsync(watched, stoppingToken).ConfigureAwait(false);
                }

                _readFailed = false;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // A failover or a store outage: the timeline waits for the next read.
                if (!_readFailed)
                {
                    _readFailed = true;
                    LogReadFailed(logger, ex.GetType().Name);
                }
            }
        }
    }

    /// <summary>Whether an operator request came within the last <see cref="WatchWindow"/> (none yet: not watched).</summary>
    internal bool IsWatched() => Interlocked.Read(ref _lastWatched) is var last and not 0 && time.GetElapsedTime(last) < WatchWindow;

    private async Task<ClusterSample> ReadAsync(bool withGrains, CancellationToken cancellationToken)
    {
        await _reading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A read that finished while this one waited serves it too.
            if (Volatile.Read(ref _latest) is { } latest && (latest.HasGrains || !withGrains) && time.GetUtcNow() - latest.At < _interval * 0.5)
            {
                return latest;
            }

            var management = cluster.GetGrain<IManagementGrain>(0);
            IReadOnlyList<DetailedGrainStatistic> grains = [];
            MembershipEntry[] hosts;
            try
            {
                CountManagementCall();
                hosts = await management.GetDetailedHosts(onlyActive: false).WaitAsync(cancellationToken).ConfigureAwait(false);
                if (withGrains)
                {
                    // One silo that does not answer (killed, not yet declared dead) fails the whole listing.
                    var active = hosts.Where(h => h.Status == SiloStatus.Active).Select(h => h.SiloAddress).ToArray();
                    CountManagementCall();
                    grains = active.Length == 0
                        ? []
                        : [.. (await management.GetDetailedGrainStatistics(null, active).WaitAsync(cancellationToken).ConfigureAwait(false)).Where(IsShopGrain)];
                }
            }
            catch (Exception) when (withGrains && !cancellationToken.IsCancellationRequested)
            {
                timeline.LookFailed(time.GetUtcNow());
                throw;
            }

            var sample = new ClusterSample(time.GetUtcNow(), hosts, grains, withGrains);
            if (timeline.Observe(sample))
            {
                Volatile.Write(ref _busyUntil, time.GetTimestamp() + (long)(BusyWindow.TotalSeconds * time.TimestampFrequency));
            }

            Volatile.Write(ref _latest, sample);
            return sample;
        }
        finally
        {
            _reading.Release();
        }
    }

    private void CountManagementCall()
    {
        Interlocked.Increment(ref _managementCalls);
        metrics.ManagementCall();
    }

    /// <summary>
    /// A silo on its way in or out, whose next status the timeline waits for; a row left in such a status by a process
    /// that died on the way (Orleans clears it only days later) stops counting after <see cref="TransitionWatch"/>.
    /// </summary>
    private static bool IsInTransition(MembershipEntry host, DateTimeOffset at) =>
        host.Status is SiloStatus.Created or SiloStatus.Joining or SiloStatus.ShuttingDown or SiloStatus.Stopping
        && at - ClusterViews.Utc(host.IAmAliveTime > host.StartTime ? host.IAmAliveTime : host.StartTime) < TransitionWatch;

    /// <summary>The shop's grains; Orleans' own (system grains, the dashboard's) are not shown.</summary>
    private static bool IsShopGrain(DetailedGrainStatistic grain) =>
        !grain.GrainId.Type.AsSpan().StartsWith("sys."u8) && !grain.GrainType.StartsWith("Orleans.", StringComparison.Ordinal);

    [LoggerMessage(1, LogLevel.Warning, "Could not read the cluster for the operator tools ({Failure}); trying again next interval.")]
    private static partial void LogReadFailed(ILogger logger, string failure);
}
