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
/// Every <see cref="FencingOptions.PeerCheckInterval"/> the silo reads the <see cref="LeaseMarks"/> of its active
/// peers. A peer's mark missing <see cref="FencingOptions.PeerChecksBeforeDeath"/> times in a row, after the silo saw it
/// change (the peer renewed while the silo watched), while this silo's own lease held all along (so Redis answered this
/// silo throughout), means the peer could not renew with a store that works: it is stopped (SIGSTOP, a frozen VM, a
/// long GC), or cut off from Redis. The silo then calls <see cref="IClusterMembershipService.TryKill"/>. For
/// <see cref="FencingOptions.StoreTroubleGrace"/> after this silo's connection to Redis broke or came back, or one of
/// its own renewals failed (a Redis restart, a network fault), every peer may be reconnecting at its own pace: the
/// silo judges no one, and afterwards a peer counts only once its mark has changed again.
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

    // Per peer: the lease epoch in which the peer's mark was last read, the number it held, whether it changed since
    // (the peer renewed while this silo watched), and how many checks since found it missing. Forgotten whenever Redis
    // was in trouble for this silo (StoreWasInTrouble).
    private readonly Dictionary<SiloAddress, Watch> _peers = [];
    private long _lastStoreEvent = long.MinValue;
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
        connection.ConnectionFailed += (_, _) => Interlocked.Exchange(ref _lastStoreEvent, timeProvider.GetTimestamp());
        connection.ConnectionRestored += (_, _) => Interlocked.Exchange(ref _lastStoreEvent, timeProvider.GetTimestamp());
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
        var epoch = lease.Epoch;
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
        var marks = await database.StringGetAsync([.. peers.Select(p => LeaseMarks.Key(cluster.Value.ClusterId, p))])
            .WaitAsync(_options.PeerCheckInterval, timeProvider, Stopping).ConfigureAwait(false);

        // Only what was read while this silo's lease held all along, with no trouble with Redis, counts.
        if (!lease.IsHeld || StoreWasInTrouble() || lease.Epoch != epoch)
        {
            _peers.Clear();
            return;
        }

        for (var i = 0; i < peers.Count; i++)
        {
            var peer = peers[i];
            var watched = _peers.TryGetValue(peer, out var seen) && seen.Epoch == epoch ? seen : (Watch?)null;
            // A missing key reads as null, which TryParse would take for 0.
            if (marks[i].HasValue && marks[i].TryParse(out long mark))
            {
                // Renewed within this epoch once its mark changed: a mark that survived a Redis restart proves nothing.
                _peers[peer] = new Watch(epoch, mark, watched is { } w && (w.Renewed || w.Mark != mark), 0);
            }
            else if (watched is { Renewed: true } renewing)
            {
                _peers[peer] = renewing with { Missing = renewing.Missing + 1 };
                if (renewing.Missing + 1 >= _options.PeerChecksBeforeDeath)
                {
                    _peers.Remove(peer);
                    var killed = await membership.TryKill(peer).ConfigureAwait(false);
                    LogDeclaredDead(logger, peer, killed);
                }
            }
        }
    }

    /// <summary>
    /// Whether this silo's connection to Redis broke or came back, or one of its own renewals failed, lately: Redis was
    /// in trouble, and its peers may take longer than this silo to reach it again. A renewal may also get through a
    /// short outage unharmed (the Redis client holds commands back while it reconnects), so the connection's events
    /// count too, though they are raised later, on the thread pool.
    /// </summary>
    private bool StoreWasInTrouble() => Within(lease.LastRenewalFailure) || Within(Interlocked.Read(ref _lastStoreEvent));

    private bool Within(long timestamp) =>
        timestamp != long.MinValue && timeProvider.GetElapsedTime(timestamp) < _options.StoreTroubleGrace;

    private readonly record struct Watch(long Epoch, long Mark, bool Renewed, int Missing);

    [LoggerMessage(1, LogLevel.Warning, "Silo {Peer} has not renewed its lease: it serves nothing. Declared it dead (first to do so: {Declared}).")]
    private static partial void LogDeclaredDead(ILogger logger, SiloAddress peer, bool declared);
}
