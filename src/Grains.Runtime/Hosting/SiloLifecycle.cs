using System.Net;
using Grains.Runtime.Activation;
using Grains.Runtime.Directory;
using Grains.Runtime.Membership;
using Grains.Runtime.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grains.Runtime.Hosting;

/// <summary>
/// Starts and stops the silo. Start: providers, then listen, then join the cluster. Graceful stop, on
/// SIGTERM or host shutdown, while the silo still listens: mark the silo ShuttingDown so nobody places grains here,
/// let each activation finish the calls it accepted and deactivate (unregistering from the directory), then leave
/// the membership (Dead) so that callers re-route without waiting for failure detection.
/// </summary>
internal sealed partial class SiloLifecycle(
    IGrainDirectory directory,
    MembershipRefresher refresher,
    MembershipAgent agent,
    Catalog catalog,
    SiloLease lease,
    ConnectionManager connections,
    SiloListener listener,
    Lazy<SiloConnectionHandler> inbound,
    LocalIdentity identity,
    IOptions<SiloOptions> siloOptions,
    IOptions<GrainCollectionOptions> collectionOptions,
    IHostApplicationLifetime lifetime,
    ILogger<SiloLifecycle> logger) : IHostedLifecycleService
{
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(200);
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private Task? _collector;
    private volatile bool _killed;
    private volatile bool _declaredDead;

    public Task Started => _started.Task;

    public bool IsDeclaredDead => _declaredDead;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await directory.InitializeAsync(cancellationToken).ConfigureAwait(false);
        agent.DeclaredDead += OnDeclaredDead;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = siloOptions.Value;
        var bound = await listener.BindAsync(new IPEndPoint(IPAddress.Parse(options.Host), options.Port), cancellationToken).ConfigureAwait(false);
        var advertised = options.AdvertisedHost
            ?? (bound.Address.Equals(IPAddress.Any) || bound.Address.Equals(IPAddress.IPv6Any) ? "127.0.0.1" : bound.Address.ToString());
        var address = new SiloAddress(advertised, bound.Port, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        identity.SetSilo(address, options.Name ?? $"{Dns.GetHostName()}:{bound.Port}");
        try
        {
            await refresher.StartAsync(cancellationToken).ConfigureAwait(false);
            await agent.JoinAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _started.TrySetException(ex);
            throw;
        }

        _collector = CollectLoopAsync(_stopping.Token);
        LogStarted(logger, address.Id, identity.Name);
        _started.TrySetResult();
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        if (_killed || _declaredDead || !_started.Task.IsCompletedSuccessfully)
        {
            return;
        }

        LogStopping(logger, identity.Name);
        try
        {
            await agent.SetStatusAsync(SiloStatus.ShuttingDown, cancellationToken).ConfigureAwait(false);
            await catalog.DeactivateAllAsync(DeactivationReason.ShuttingDown, cancellationToken).ConfigureAwait(false);
            await DrainCallersAsync(cancellationToken).ConfigureAwait(false);
            await agent.SetStatusAsync(SiloStatus.Dead, cancellationToken).ConfigureAwait(false);
            LogLeft(logger, identity.Name);
        }
        catch (Exception ex)
        {
            // Whatever was not handed off is recovered by failure detection, as after a crash.
            LogStopFailed(logger, ex);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_collector is not null)
        {
            await _collector.ConfigureAwait(false);
        }

        lease.Terminate();
        catalog.KillAll();
        await listener.DisposeAsync().ConfigureAwait(false);
        inbound.Value.AbortAll();
        await agent.DisposeAsync().ConfigureAwait(false);
        await refresher.DisposeAsync().ConfigureAwait(false);
        await connections.DisposeAsync().ConfigureAwait(false);
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task KillAsync()
    {
        _killed = true;
        lease.Terminate();
        catalog.KillAll();
        await listener.DisposeAsync().ConfigureAwait(false);
        inbound.Value.AbortAll();
        await agent.DisposeAsync().ConfigureAwait(false);
        await refresher.DisposeAsync().ConfigureAwait(false);
        await connections.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Keeps answering (with "rejected, go elsewhere") until callers have learned that this silo left: closing the
    /// connections while their calls are in flight would turn calls that never ran into unknown outcomes.
    /// </summary>
    private async Task DrainCallersAsync(CancellationToken cancellationToken)
    {
        var deadline = Environment.TickCount64 + (long)DrainLimit.TotalMilliseconds;
        while (Environment.TickCount64 < deadline)
        {
            var handler = inbound.Value;
            if (handler.InFlight == 0 && handler.MillisecondsSinceLastRequest > (long)QuietPeriod.TotalMilliseconds)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken).ConfigureAwait(false);
        }
    }

    private void OnDeclaredDead()
    {
        _declaredDead = true;
        catalog.KillAll();
        inbound.Value.AbortAll();
        _ = listener.DisposeAsync().AsTask();
        lifetime.StopApplication();
    }

    private async Task CollectLoopAsync(CancellationToken cancellationToken)
    {
        var options = collectionOptions.Value;
        using var timer = new PeriodicTimer(options.CollectionQuantum);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var collected = catalog.CollectIdle(options.CollectionAge);
                if (collected > 0)
                {
                    LogCollected(logger, collected);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
