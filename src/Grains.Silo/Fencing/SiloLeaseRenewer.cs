using Grains.Hosting.Redis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using StackExchange.Redis;

namespace Grains.Silo.Fencing;

/// <summary>
/// Renews the <see cref="SiloLease"/> by reading this silo's own row of the membership table every
/// <see cref="FencingOptions.RenewInterval"/>: a row that is there and not <c>Dead</c> proves that nobody had declared the
/// silo dead when the read was sent. Each renewal is first announced to the peers (<see cref="LeaseMarks"/>): the lease is
/// extended only once Redis holds a mark that outlives it.
/// </summary>
public sealed partial class SiloLeaseRenewer(
    SiloLease lease,
    IMembershipTable membershipTable,
    SharedRedis redis,
    IOptions<ClusterOptions> cluster,
    ILocalSiloDetails localSilo,
    IOptions<FencingOptions> options,
    TimeProvider timeProvider,
    ILogger<SiloLeaseRenewer> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly FencingOptions _options = options.Value;
    private PeriodicLoop? _loop;
    private long _marks;
    private bool _everHeld;
    private bool _failing;

    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        // Renewals start as the silo becomes active (the membership table is ready then, and no grain call came yet)
        // and go on through a graceful stop, while activations finish their calls, until the runtime shuts down.
        lifecycle.Subscribe(nameof(SiloLeaseRenewer), ServiceLifecycleStage.BecomeActive, StartAsync, _ => Task.CompletedTask);
        lifecycle.Subscribe(nameof(SiloLeaseRenewer), ServiceLifecycleStage.RuntimeInitialize, _ => Task.CompletedTask, StopAsync);
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = new PeriodicLoop(_options.RenewInterval, timeProvider, RenewOnceAsync);
        await RenewOnceAsync().ConfigureAwait(false);
        _loop.Start();
    }

    private Task StopAsync(CancellationToken cancellationToken) => _loop?.StopAsync() ?? Task.CompletedTask;

    private CancellationToken Stopping => _loop?.Stopping ?? CancellationToken.None;

    /// <summary>
    /// Writes the mark of the lease a read sent at <paramref name="sentAt"/> confirms, to expire no sooner than that
    /// lease: its time to live is what remains of the lease when the write is sent, and Redis counts it from when the
    /// write arrives. Each mark holds a number one higher than the last, so that peers can tell a renewal from a mark
    /// that merely survived (a Redis restart restores keys whose expiry has not passed). False when nothing remains.
    /// No mark is written when no silo looks for them
    /// (<see cref="FencingOptions.DeclareLapsedPeersDead"/> off): a peer only judges a mark it has seen.
    /// </summary>
    private async Task<bool> MarkAsync(long sentAt)
    {
        var remaining = _options.LeaseDuration - timeProvider.GetElapsedTime(sentAt);
        if (remaining <= TimeSpan.Zero)
        {
            return false;
        }

        if (!_options.DeclareLapsedPeersDead)
        {
            return true;
        }

        // Whole milliseconds, rounded up: Redis takes the time to live in milliseconds.
        var timeToLive = TimeSpan.FromMilliseconds(Math.Ceiling(remaining.TotalMilliseconds));
        var database = (await redis.GetAsync().ConfigureAwait(false)).GetDatabase();
        await database.StringSetAsync(LeaseMarks.Key(cluster.Value.ClusterId, localSilo.SiloAddress), ++_marks, timeToLive)
            .WaitAsync(remaining, timeProvider, Stopping).ConfigureAwait(false);
        return true;
    }

    private async Task RenewOnceAsync()
    {
        var sentAt = timeProvider.GetTimestamp();
        string? refusal;
        Exception? error = null;
        try
        {
            var data = await membershipTable.ReadRowAsync(localSilo.SiloAddress, Stopping)
                .WaitAsync(_options.LeaseDuration, timeProvider, Stopping).ConfigureAwait(false);
            var entry = data.Members.Select(m => m.Item1).FirstOrDefault(m => m.SiloAddress.Equals(localSilo.SiloAddress));
            refusal = entry is null ? "this silo has no row in the membership table"
                : entry.Status == SiloStatus.Dead ? "the membership table says this silo is dead"
                : await MarkAsync(sentAt).ConfigureAwait(false) ? null
                : "the membership table answered after the lease it would renew had run out";
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !Stopping.IsCancellationRequested)
        {
            refusal = ex is TimeoutException ? "Redis did not answer in time" : "the membership table could not be read or the lease's mark written";
            error = ex;
        }

        if (refusal is null)
        {
            if (lease.Renew(sentAt, _options.LeaseDuration) && _everHeld)
            {
                LogRegained(logger);
            }

            _everHeld = true;
            _failing = false;
        }
        else
        {
            lease.RenewalFailed();
            if (!_failing)
            {
                _failing = true;
                LogRenewalFailed(logger, refusal, error);
            }
        }
    }
}
