using Grains.Hosting.Routing;
using Grains.Shop.Contracts.Sessions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grains.Silo.Placement;

/// <summary>
/// Moves this silo's user grains to their user's silo when that is no longer this one: after a silo joins, the users
/// it now ranks first have their grains elsewhere, and the gateway already sends their requests to it. Each move is an
/// Orleans migration (the activation hands its state to a new one on the target silo, placed by
/// <see cref="UserPlacementDirector"/>), so nothing is read from or written to the store. A silo that leaves moves its
/// own grains (they migrate on shutdown), and a dead silo's grains are placed anew by their next call.
/// </summary>
public sealed partial class LocalityKeeper(
    IClusterMembershipService membership,
    ILocalSiloDetails localSilo,
    UserGrainActivations activations,
    IOptions<LocalityOptions> options,
    TimeProvider time,
    ILogger<LocalityKeeper> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly LocalityOptions _options = options.Value;
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _changed = new(0);
    private Task _loop = Task.CompletedTask;
    private Task _follow = Task.CompletedTask;
    private long _moved;

    /// <summary>How many grains this silo has started moving since it started.</summary>
    public long Moved => Interlocked.Read(ref _moved);

    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        if (_options.Rebalance)
        {
            lifecycle.Subscribe(nameof(LocalityKeeper), ServiceLifecycleStage.Active, StartAsync, StopAsync);
        }
    }

    private Task StartAsync(CancellationToken cancellationToken)
    {
        _follow = Task.Run(FollowMembershipAsync, CancellationToken.None);
        _loop = Task.Run(RunAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_follow, _loop).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task FollowMembershipAsync()
    {
        try
        {
            await foreach (var _ in membership.MembershipUpdates.WithCancellation(_stopping.Token).ConfigureAwait(false))
            {
                _changed.Release();
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The silo stopped.
        }
    }

    /// <summary>After each change has settled, and every <see cref="LocalityOptions.SweepInterval"/> otherwise, moves what is misplaced.</summary>
    private async Task RunAsync()
    {
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                await _changed.WaitAsync(_options.SweepInterval, _stopping.Token).ConfigureAwait(false);

                // Wait until no change came for a whole settle delay.
                while (await _changed.WaitAsync(_options.SettleDelay, _stopping.Token).ConfigureAwait(false))
                {
                }

                try
                {
                    await MoveMisplacedAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Moving grains is an optimisation: a failure must never take the silo down.
                    LogFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The silo stopped.
        }
    }

    private async Task MoveMisplacedAsync()
    {
        var snapshot = membership.CurrentSnapshot;
        if (snapshot.GetSiloStatus(localSilo.SiloAddress) != SiloStatus.Active)
        {
            // Stopping: Orleans migrates every grain of a stopping silo by itself.
            return;
        }

        var silos = snapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).ToList();
        var keys = silos.Select(s => UserRouting.SiloKey(s.Endpoint)).ToList();
        var pause = TimeSpan.FromSeconds(1.0 / _options.MigrationsPerSecond);
        var started = time.GetTimestamp();
        var moved = 0;
        foreach (var activation in activations.Snapshot())
        {
            var user = UserGrainKeys.UserOf(activation.GrainId.Key.ToString()!);
            if (silos[UserRouting.Pick(user, keys)].Equals(localSilo.SiloAddress))
            {
                continue;
            }

            // Migrate is asynchronous: the activation finishes its calls, then moves; the placement picks the target.
            activation.Migrate(requestContext: null, _stopping.Token);
            moved++;
            Interlocked.Increment(ref _moved);

            // Pace the moves: the n-th starts no sooner than n / MigrationsPerSecond after the first.
            var due = pause * moved - time.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, time, _stopping.Token).ConfigureAwait(false);
            }
        }

        if (moved > 0)
        {
            LogMoved(logger, moved, silos.Count);
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Started moving {Count} grains to their users' silos ({Silos} active silos).")]
    private static partial void LogMoved(ILogger logger, int count, int silos);

    [LoggerMessage(2, LogLevel.Warning, "Moving grains to their users' silos failed; it is tried again after the next change.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
