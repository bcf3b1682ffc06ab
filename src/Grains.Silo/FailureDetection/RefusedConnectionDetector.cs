using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grains.Silo.FailureDetection;

/// <summary>
/// Declares a peer dead the moment its process is gone, instead of after Orleans' missed probes.
/// <para>
/// Each silo keeps one idle TCP connection to the silo port of every active peer. When the peer's process dies
/// (<c>kill -9</c>, a crash), its kernel closes that connection at once. The silo then dials the peer's port twice,
/// <see cref="FailureDetectionOptions.ConfirmationDelay"/> apart: when both attempts are refused, nothing listens there any
/// more, which is proof of death, and the silo calls <see cref="IClusterMembershipService.TryKill"/>. A paused process
/// keeps its sockets and its kernel keeps accepting connections, so a pause is never taken for a death here: that is
/// left to Orleans' probes. A silo that is stopping gracefully is skipped: it leaves the membership by itself.
/// </para>
/// </summary>
public sealed partial class RefusedConnectionDetector(
    IClusterMembershipService membership,
    ILocalSiloDetails localSilo,
    IOptions<FailureDetectionOptions> options,
    ILogger<RefusedConnectionDetector> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly FailureDetectionOptions _options = options.Value;
    private readonly Dictionary<SiloAddress, CancellationTokenSource> _watches = [];
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        if (_options.DeclareRefusingPeersDead)
        {
            lifecycle.Subscribe(nameof(RefusedConnectionDetector), ServiceLifecycleStage.Active, StartAsync, StopAsync);
        }
    }

    private Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(FollowMembershipAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        lock (_watches)
        {
            foreach (var watch in _watches.Values)
            {
                watch.Cancel();
                watch.Dispose();
            }

            _watches.Clear();
        }
    }

    private async Task FollowMembershipAsync()
    {
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(_stopping.Token).ConfigureAwait(false))
            {
                Reconcile(snapshot);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The silo stopped.
        }
    }

    /// <summary>Watches every active peer, and stops watching peers that are no longer active.</summary>
    private void Reconcile(ClusterMembershipSnapshot snapshot)
    {
        var active = snapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(localSilo.SiloAddress))
            .Select(m => m.SiloAddress)
            .ToHashSet();
        lock (_watches)
        {
            foreach (var gone in _watches.Keys.Where(s => !active.Contains(s)).ToList())
            {
                _watches[gone].Cancel();
                _watches[gone].Dispose();
                _watches.Remove(gone);
            }

            foreach (var peer in active.Where(s => !_watches.ContainsKey(s)))
            {
                var watch = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                _watches[peer] = watch;
                _ = Task.Run(() => WatchAsync(peer, watch.Token), CancellationToken.None);
            }
        }
    }

    private async Task WatchAsync(SiloAddress peer, CancellationToken cancellationToken)
    {
        var buffer = new byte[64];
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                using (var socket = new Socket(peer.Endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp))
                {
                    if (await TryConnectAsync(socket, peer.Endpoint, cancellationToken).ConfigureAwait(false) == SocketError.ConnectionRefused)
                    {
                        await ConfirmAndKillAsync(peer, cancellationToken).ConfigureAwait(false);
                        return;
                    }

                    if (socket.Connected)
                    {
                        // Idle until the connection ends; the peer never sends anything to a connection that sent it nothing.
                        await DrainUntilClosedAsync(socket, buffer, cancellationToken).ConfigureAwait(false);
                        if (await ConfirmAndKillAsync(peer, cancellationToken).ConfigureAwait(false))
                        {
                            return;
                        }
                    }
                }

                await Task.Delay(_options.RewatchDelay, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The peer left the active set, or this silo stopped.
        }
#pragma warning disable CA1031 // A watch must never take the silo down; Orleans' own probes still cover the peer.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogWatchFailed(logger, peer, ex);
        }
    }

    private static async Task DrainUntilClosedAsync(Socket socket, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            while (await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false) > 0)
            {
            }
        }
        catch (SocketException)
        {
            // Reset by the peer: closed all the same.
        }
    }

    /// <summary>Declares the peer dead when two connection attempts are refused and membership still shows it active.</summary>
    /// <returns>True when the peer was found dead (declared by this silo or already by another).</returns>
    private async Task<bool> ConfirmAndKillAsync(SiloAddress peer, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(_options.ConfirmationDelay, cancellationToken).ConfigureAwait(false);
            }

            using var probe = new Socket(peer.Endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            if (await TryConnectAsync(probe, peer.Endpoint, cancellationToken).ConfigureAwait(false) != SocketError.ConnectionRefused)
            {
                return false;
            }
        }

        // The table is the truth: a peer that started leaving gracefully (or was declared dead meanwhile) is left alone.
        await membership.Refresh(default, cancellationToken).ConfigureAwait(false);
        if (membership.CurrentSnapshot.GetSiloStatus(peer) != SiloStatus.Active)
        {
            return true;
        }

        var killed = await membership.TryKill(peer).ConfigureAwait(false);
        LogDeclaredDead(logger, peer, killed);
        return true;
    }

    private static async Task<SocketError> TryConnectAsync(Socket socket, IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await socket.ConnectAsync(endpoint, timeout.Token).ConfigureAwait(false);
            return SocketError.Success;
        }
        catch (SocketException ex)
        {
            return ex.SocketErrorCode;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SocketError.TimedOut;
        }
    }
}
