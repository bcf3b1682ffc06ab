using Grains.Hosting.Redis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using StackExchange.Redis;

namespace Grains.Silo.Fencing;

/// <summary>
/// Declares dead a peer whose lease has run out, instead of waiting for Orleans' missed probes. A silo whose lease
/// ran out serves and sends no grain call (<see cref="LeaseCallFilter"/>, <see cref="LeaseOutgoingCallFilter"/>), so it
/// is of no use to its users, and declaring it dead moves them elsewhere a second sooner than two missed probes would.
/// <para>
/// Every <see cref="FencingOptions.PeerCheckInterval"/> the silo looks for the <see cref="LeaseMarks"/> of its active
/// peers. A peer's mark missing <see cref="FencingOptions.PeerChecksBeforeDeath"/> times in a row, after it was seen, while
/// this silo's own lease held all along (so Redis answered this silo throughout), means the peer could not renew with
/// a store that works: it is stopped (SIGSTOP, a frozen VM, a long GC), or cut off from Redis. The silo then calls
/// <see cref="IClusterMembershipService.TryKill"/>. When this silo's connection to Redis breaks or comes back, or one of
/// its own renewals failed in the last <see cref="FencingOptions.StoreTroubleGrace"/> (a Redis restart, a network
/// fault), every peer may be reconnecting at its own pace: no mark counts as missing until it was seen again.
/// </para>
/// </summary>
public sealed partial class LapsedLeaseDetector(
    SiloLease lease,
    IClusterMembershipService membership,
    SharedRedis redis,
    IOptions<ClusterOptions> cluster,
    ILocalSiloDetails localSilo,
    IOptions<FencingOptions> options,
    TimeProvider timeProvider,
    ILogger<LapsedLeaseDetector> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly FencingOptions _options = options.Value;

    // Per peer: the epoch in which the peer's mark was last seen, and how many checks since found it missing. An epoch
    // lasts while this silo's lease holds and its connection to Redis neither breaks nor comes back.
    private readonly Dictionary<SiloAddress, ((long Lease, long Store) Epoch, int Missing)> _peers = [];
    private long _storeEpoch;
    private PeriodicLoop? _loop;

    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        if (_options.DeclareLapsedPeersDead)
        {
            lifecycle.Subscribe(nameof(LapsedLeaseDetector), ServiceLifecycleStage.Active, StartAsync, StopAsync);
        }
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        var connection = await redis.GetAsync().ConfigureAwait(false);
        connection.ConnectionFailed += (_, _) => Interlocked.Increment(ref _storeEpoch);
        connection.ConnectionRestored += (_, _) => Interlocked.Increment(ref _storeEpoch);
        _loop = new PeriodicLoop(_options.PeerCheckInterval, timeProvider, TryCheckOnceAsync);
        _loop.Start();
    }

    private Task StopAsync(CancellationToken cancellationToken) => _loop?.StopAsync() ?? Task.CompletedTask;

    private CancellationToken Stopping => _loop?.Stopping ?? CancellationToken.None;

    private async Task TryCheckOnceAsync()
    {
        try
        {
            await CheckOnceAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failed check must never take the silo down; Orleans' own probes still cover the peers.
        catch (Exception ex) when (ex is not OperationCanceledException || !Stopping.IsCancellationRequested)
#pragma warning restore CA1031
        {
            // Nothing learnt about the peers: they are judged afresh once their marks are seen again.
            _peers.Clear();
        }
    }

    private async Task CheckOnceAsync()
    {
        var epoch = (lease.Epoch, Interlocked.Read(ref _storeEpoch));
        if (!lease.IsHeld || StoreWasInTrouble())
        {
            _peers.Clear();
            return;
        }

        var peers = membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(localSilo.SiloAddress))
            .Select(m => m.SiloAddress)
            .ToList();
        foreach (var gone in _peers.Keys.Except(peers).ToList())
        {
            _peers.Remove(gone);
        }

        var database = (await redis.GetAsync().ConfigureAwait(false)).GetDatabase();
        var marks = await Task.WhenAll(peers.Select(p => database.KeyExistsAsync(LeaseMarks.Key(cluster.Value.ClusterId, p))))
            .WaitAsync(_options.PeerCheckInterval, timeProvider, Stopping).ConfigureAwait(false);

        // Only what was read while this silo's lease held all along, over one connection, counts.
        if (!lease.IsHeld || StoreWasInTrouble() || (lease.Epoch, Interlocked.Read(ref _storeEpoch)) != epoch)
        {
            _peers.Clear();
            return;
        }

        for (var i = 0; i < peers.Count; i++)
        {
            var peer = peers[i];
            if (marks[i])
            {
                _peers[peer] = (epoch, 0);
            }
            else if (_peers.TryGetValue(peer, out var seen) && seen.Epoch == epoch)
            {
                _peers[peer] = (epoch, seen.Missing + 1);
                if (seen.Missing + 1 >= _options.PeerChecksBeforeDeath)
                {
                    _peers.Remove(peer);
                    var killed = await membership.TryKill(peer).ConfigureAwait(false);
                    LogDeclaredDead(logger, peer, killed);
                }
            }
        }
    }

    /// <summary>
    /// Whether one of this silo's own renewals failed lately: Redis was in trouble, and its peers may take longer than
    /// this silo to reach it again. The connection's own events say the same, but they are raised later, on the thread
    /// pool.
    /// </summary>
    private bool StoreWasInTrouble() =>
        lease.LastRenewalFailure != long.MinValue && timeProvider.GetElapsedTime(lease.LastRenewalFailure) < _options.StoreTroubleGrace;

    [LoggerMessage(1, LogLevel.Warning, "Silo {Peer} has not renewed its lease: it serves nothing. Declared it dead (first to do so: {Declared}).")]
    private static partial void LogDeclaredDead(ILogger logger, SiloAddress peer, bool declared);
}
