using Grains.Shop.Contracts.Operators;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grains.Silo.Dashboard;

/// <summary>
/// Feeds the Orleans dashboard's counters only while an operator watches. The dashboard's silo host starts, as the silo
/// starts, an OpenTelemetry reader that collects every Orleans instrument and reports them to the silo's dashboard
/// service every second, a fixed interval in the package: most of what the dashboard costs an idle silo. Once the silo
/// is active this switch disposes the host, which stops that reader (the host's other work, its grain and the silo's
/// version, is done by then). When a gateway signals that someone watches (<see cref="DashboardWatchSignal"/>), it has
/// the host take part in a lifecycle of its own that starts at once, which builds the reader again; once no signal came
/// for <see cref="SiloDashboardOptions.CountersIdleTimeout"/>, it disposes the host again. Only the host's public
/// interfaces are used.
/// </summary>
public sealed partial class DashboardCountersSwitch(
    IServiceProvider services,
    Type hostType,
    DashboardWatchSignal signal,
    IOptions<SiloDashboardOptions> options,
    TimeProvider time,
    ILogger<DashboardCountersSwitch> logger) : ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly TimeSpan _idleTimeout = options.Value.CountersIdleTimeout;
    private object? _host;
    private bool _feeding;
    private ITimer? _idleCheck;

    /// <summary>Whether the silo feeds the dashboard's counters now, because an operator watches.</summary>
    public bool IsFeeding => Volatile.Read(ref _feeding);

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(DashboardCountersSwitch), ServiceLifecycleStage.Active, OnActiveAsync, OnStoppingAsync);

    public async ValueTask DisposeAsync()
    {
        if (_idleCheck is not null)
        {
            await _idleCheck.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private Task OnActiveAsync(CancellationToken cancellationToken)
    {
        // Started with the silo (a lifecycle stage before Active): stopped until someone watches. Nothing else touches
        // the host before the signal is subscribed below.
        _host = services.GetRequiredService(hostType);
        ((IDisposable)_host).Dispose();

        signal.Watched += OnWatched;
        var period = _idleTimeout / 4;
        _idleCheck = time.CreateTimer(_ => _ = StopIfIdleAsync(), null, period, period);
        return Task.CompletedTask;
    }

    private async Task OnStoppingAsync(CancellationToken cancellationToken)
    {
        signal.Watched -= OnWatched;
        await _stopping.CancelAsync().ConfigureAwait(false);
    }

    private void OnWatched(object? sender, EventArgs e)
    {
        if (!Volatile.Read(ref _feeding))
        {
            _ = StartFeedingAsync();
        }
    }

    private async Task StartFeedingAsync()
    {
        try
        {
            await _gate.WaitAsync(_stopping.Token).ConfigureAwait(false);
            try
            {
                if (_feeding || _host is null || _stopping.IsCancellationRequested)
                {
                    return;
                }

                var startNow = new StartNowLifecycle();
                ((ILifecycleParticipant<ISiloLifecycle>)_host).Participate(startNow);
                await startNow.StartAsync(_stopping.Token).ConfigureAwait(false);
                Volatile.Write(ref _feeding, true);
                LogStarted(logger);
            }
            finally
            {
                _gate.Release();
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // The next signal tries again; the dashboard's counters stay as they were meanwhile.
            LogStartFailed(logger, ex);
        }
    }

    private async Task StopIfIdleAsync()
    {
        if (!Volatile.Read(ref _feeding) || signal.WatchedWithin(_idleTimeout) || _stopping.IsCancellationRequested)
        {
            return;
        }

        try
        {
            await _gate.WaitAsync(_stopping.Token).ConfigureAwait(false);
            try
            {
                if (_feeding && !signal.WatchedWithin(_idleTimeout))
                {
                    ((IDisposable)_host!).Dispose();
                    Volatile.Write(ref _feeding, false);
                    LogStopped(logger, _idleTimeout.TotalSeconds);
                }
            }
            finally
            {
                _gate.Release();
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(1, LogLevel.Information, "An operator watches the dashboard: this silo feeds its counters every second.")]
    private static partial void LogStarted(ILogger logger);

    [LoggerMessage(2, LogLevel.Information, "Nobody watched the dashboard for {Seconds} s: this silo stopped feeding its counters.")]
    private static partial void LogStopped(ILogger logger, double seconds);

    [LoggerMessage(3, LogLevel.Warning, "Could not start feeding the dashboard's counters; the next signal of a watching operator tries again.")]
    private static partial void LogStartFailed(ILogger logger, Exception exception);
}
