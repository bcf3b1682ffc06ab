using System.Collections.Concurrent;
using Grains.Runtime.Hosting;
using Grains.Runtime.Messaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grains.Runtime.Membership;

/// <summary>
/// A silo's membership duties: join, heartbeat (which renews the <see cref="SiloLease"/>), watch the peers, declare
/// dead the ones that are gone, and stop serving at once when this silo finds it was itself declared dead.
/// A peer is declared dead on proof (its endpoint refuses connections or answers as another incarnation: a crashed
/// process) or on silence (no heartbeat for <see cref="MembershipOptions.DeathTimeout"/> by the store's clock:
/// a paused or cut-off process). A slow probe alone never kills: a busy machine is not a dead one.
/// </summary>
internal sealed partial class MembershipAgent : IAsyncDisposable
{
    private static readonly TimeSpan MinimumRoundGap = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromMinutes(10);
    private int _disposed;
    private readonly IMembershipTable _table;
    private readonly MembershipView _view;
    private readonly MembershipRefresher _refresher;
    private readonly SiloLease _lease;
    private readonly ConnectionManager _connections;
    private readonly LocalIdentity _identity;
    private readonly MembershipOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<MembershipAgent> _logger;
    private readonly ConcurrentDictionary<string, (DateTimeOffset Heartbeat, long SeenAt)> _lastHeartbeats = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _probeNow = new(0, 1);
    private readonly CancellationTokenSource _stopping = new();
    private Task? _heartbeats;
    private Task? _probes;
    private int _declaredDead;

    /// <summary>Set when this silo leaves by itself: its own Dead row is then no news, and no reason to exit as declared dead.</summary>
    private int _left;

    /// <summary>Since when this silo's heartbeats have succeeded without a break (a timestamp; 0 while they fail).</summary>
    private long _heardSince;
    private long _nextCleanup;

    public MembershipAgent(
        IMembershipTable table,
        MembershipView view,
        MembershipRefresher refresher,
        SiloLease lease,
        ConnectionManager connections,
        LocalIdentity identity,
        IOptions<MembershipOptions> options,
        TimeProvider time,
        ILogger<MembershipAgent> logger)
    {
        _table = table;
        _view = view;
        _refresher = refresher;
        _lease = lease;
        _connections = connections;
        _identity = identity;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _connections.ConnectionFailed += OnConnectionFailed;
    }

    /// <summary>Raised once, when this silo learns it was declared dead. It must stop serving immediately.</summary>
    public event Action? DeclaredDead;

    private SiloAddress Self => _identity.Silo ?? throw new InvalidOperationException("The silo has no address yet.");

    public async Task JoinAsync(CancellationToken cancellationToken)
    {
        var sentAt = _time.GetTimestamp();
        await _table.JoinAsync(Self, _identity.Name, cancellationToken).ConfigureAwait(false);
        _lease.Extend(sentAt, _options.LeaseDuration);
        _heardSince = sentAt;
        await _refresher.RefreshAsync(cancellationToken).ConfigureAwait(false);
        LogJoined(_logger, Self.Id, _identity.Name);
        _heartbeats = HeartbeatLoopAsync(_stopping.Token);
        _probes = ProbeLoopAsync(_stopping.Token);
    }

    public async Task<bool> SetStatusAsync(SiloStatus status, CancellationToken cancellationToken)
    {
        if (status == SiloStatus.Dead)
        {
            // Before the row changes: a heartbeat that races with the update must not read it as a verdict of the peers.
            Interlocked.Exchange(ref _left, 1);
        }

        var updated = await _table.UpdateStatusAsync(Self, status, cancellationToken).ConfigureAwait(false);
        _refresher.RequestRefresh();
        return updated;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _connections.ConnectionFailed -= OnConnectionFailed;
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var loop in new[] { _heartbeats, _probes })
        {
            if (loop is not null)
            {
                await loop.ConfigureAwait(false);
            }
        }

        _stopping.Dispose();
        _probeNow.Dispose();
    }

    private async Task HeartbeatLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.HeartbeatInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await HeartbeatOnceAsync(cancellationToken).ConfigureAwait(false);
                if (_lease.IsTerminated)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task HeartbeatOnceAsync(CancellationToken cancellationToken)
    {
        var sentAt = _time.GetTimestamp();
        try
        {
            var result = await _table.HeartbeatAsync(Self, cancellationToken).WaitAsync(_options.LeaseDuration, cancellationToken).ConfigureAwait(false);
            if (result == HeartbeatResult.Alive)
            {
                _lease.Extend(sentAt, _options.LeaseDuration);
                Interlocked.CompareExchange(ref _heardSince, sentAt, 0);
            }
            else if (Volatile.Read(ref _left) == 0)
            {
                OnDeclaredDead();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Interlocked.Exchange(ref _heardSince, 0);
            LogHeartbeatFailed(_logger, ex);
        }
    }

    private void OnDeclaredDead()
    {
        if (Interlocked.Exchange(ref _declaredDead, 1) == 0)
        {
            _lease.Terminate();
            LogDeclaredDead(_logger, Self.Id);
            DeclaredDead?.Invoke();
        }
    }

    private async Task ProbeLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && !_lease.IsTerminated)
        {
            try
            {
                await _probeNow.WaitAsync(_options.ProbeInterval, cancellationToken).ConfigureAwait(false);
                await _refresher.RefreshAsync(cancellationToken).ConfigureAwait(false);
                var peers = _view.Members
                    .Where(m => m.Status is SiloStatus.Active or SiloStatus.ShuttingDown && m.Silo != Self)
                    .ToList();
                await Task.WhenAll(peers.Select(p => ProbeAsync(p, cancellationToken))).ConfigureAwait(false);

                await CleanupDefunctIfDueAsync(cancellationToken).ConfigureAwait(false);

                // Failures signal an immediate round; this pause keeps a refusing peer from turning that into a spin.
                await Task.Delay(MinimumRoundGap, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogProbeRoundFailed(_logger, ex);
            }
        }
    }

    private async Task ProbeAsync(MembershipEntry peer, CancellationToken cancellationToken)
    {
        var now = _time.GetTimestamp();
        var seen = _lastHeartbeats.AddOrUpdate(
            peer.Silo.Id,
            _ => (peer.LastHeartbeat, now),
            (_, old) => old.Heartbeat == peer.LastHeartbeat ? old : (peer.LastHeartbeat, now));
        if (_time.GetElapsedTime(seen.SeenAt) > _options.DeathTimeout && CouldHearFor(_options.DeathTimeout))
        {
            // Silent for the whole death timeout as far as we can see; the store checks by its own clock.
            await DeclareDeadAsync(peer.Silo, _options.DeathTimeout, "no heartbeat", cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            // Bounded: a paused peer accepts connections (the kernel does) but never answers the handshake.
            var connection = await _connections.GetAsync(peer.Silo).WaitAsync(_options.ProbeTimeout, cancellationToken).ConfigureAwait(false);
            await connection.PingAsync(_options.ProbeTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A slow peer is no proof: the heartbeat decides.
        }
        catch (ConnectionFailedException ex) when (ex.Failure == ConnectionFailure.WrongIncarnation)
        {
            await DeclareDeadAsync(peer.Silo, null, "another incarnation answers at its endpoint", cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectionFailedException ex) when (ex.Failure == ConnectionFailure.Refused)
        {
            // One refusal may be a listener restarting its accept loop; two in a row, a moment apart, are a dead process.
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
            try
            {
                await _connections.GetAsync(peer.Silo).WaitAsync(_options.ProbeTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Inconclusive; the heartbeat decides.
            }
            catch (ConnectionFailedException again) when (again.Failure is ConnectionFailure.Refused or ConnectionFailure.WrongIncarnation)
            {
                await DeclareDeadAsync(peer.Silo, null, "its endpoint refuses connections", cancellationToken).ConfigureAwait(false);
            }
            catch (ConnectionFailedException)
            {
                // Inconclusive; the heartbeat decides.
            }
        }
        catch (ConnectionFailedException)
        {
            // A timeout is no proof: the heartbeat decides.
        }
    }

    /// <summary>Removes rows of long-dead silos now and then, so restarts do not grow the table forever.</summary>
    private async Task CleanupDefunctIfDueAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetTimestamp();
        if (now < _nextCleanup)
        {
            return;
        }

        var every = _options.DefunctSiloExpiration < CleanupInterval ? _options.DefunctSiloExpiration : CleanupInterval;
        _nextCleanup = now + (long)(every.TotalSeconds * _time.TimestampFrequency);
        var removed = await _table.CleanupDeadAsync(_options.DefunctSiloExpiration, cancellationToken).ConfigureAwait(false);
        if (removed > 0)
        {
            LogCleanedUp(_logger, removed);
        }
    }

    /// <summary>
    /// True when this silo's own heartbeats went through for the whole period: only then is a peer's silence its own
    /// and not the store's. After a store outage every silo is silent, and nobody may be blamed for it.
    /// </summary>
    private bool CouldHearFor(TimeSpan period)
    {
        var since = Interlocked.Read(ref _heardSince);
        return since != 0 && _time.GetElapsedTime(since) > period;
    }

    private async Task DeclareDeadAsync(SiloAddress silo, TimeSpan? ifSilentFor, string reason, CancellationToken cancellationToken)
    {
        if (_lease.IsTerminated || !_lease.IsValid)
        {
            // A silo that cannot vouch for itself does not judge others: it may be the one that was paused.
            return;
        }

        var dead = await _table.TryDeclareDeadAsync(silo, ifSilentFor, cancellationToken).ConfigureAwait(false);
        if (dead)
        {
            LogDeclaredPeerDead(_logger, silo.Id, reason);
            _lastHeartbeats.TryRemove(silo.Id, out _);
            _connections.Disconnect(silo);
            await _refresher.RefreshAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void OnConnectionFailed(SiloAddress silo, ConnectionFailure failure)
    {
        if (_identity.Silo is { } self && silo == self)
        {
            return;
        }

        try
        {
            if (_probeNow.CurrentCount == 0)
            {
                _probeNow.Release();
            }
        }
        catch (Exception ex) when (ex is SemaphoreFullException or ObjectDisposedException)
        {
            // A probe round is already due, or the agent stopped.
        }
    }
}
