using Grains.Shop.Contracts.Operators;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grains.Silo.Dashboard;

/// <summary>
/// Feeds the Orleans dashboard's counters only while an operator watches. Two parts of the dashboard's silo half run on
/// timers of their own from the silo's start (<see cref="DashboardTimedParts"/>): its silo host's OpenTelemetry reader,
/// which collects every Orleans instrument and reports them to the silo's dashboard service every second (a fixed
/// interval in the package, and most of what the dashboard cost an idle silo), and its grain-method profiler, which
/// wakes every second to send what it profiled. Once the silo has started this switch disposes both, which stops their
/// timers (the host's other work, its grain and the silo's version, is done by then). It waits for the host's start to
/// complete, not only for the silo's Active stage: the profiler starts its timer in the silo's very last stage. When a
/// gateway signals that someone watches (<see cref="DashboardWatchSignal"/>), it has both take part in a lifecycle of
/// their own that starts at once, which starts their timers again; once no signal came for
/// <see cref="SiloDashboardOptions.CountersIdleTimeout"/>, it disposes them again. Only their public interfaces are used.
/// </summary>
public sealed partial class DashboardCountersSwitch(
    IServiceProvider services,
    IReadOnlyList<Type> partTypes,
    DashboardWatchSignal signal,
    IOptions<SiloDashboardOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<DashboardCountersSwitch> logger) : ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly TimeSpan _idleTimeout = options.Value.CountersIdleTimeout;
    private IReadOnlyList<object> _parts = [];
    private bool _feeding;
    private ITimer? _idleCheck;
    private CancellationTokenRegistration _siloStarted;

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
        _siloStarted = lifetime.ApplicationStarted.Register(StopUntilWatched);
        return Task.CompletedTask;
    }

    private void StopUntilWatched()
    {
        // Every stage of the silo's start has run, so both parts have started their timers: stopped until someone
        // watches. Nothing else touches the parts before the signal is subscribed below.
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _parts = [.. partTypes.Select(services.GetRequiredService)];
        StopParts();
        signal.Watched += OnWatched;
        var period = _idleTimeout / 4;
        _idleCheck = time.CreateTimer(_ => _ = StopIfIdleAsync(), null, period, period);
    }

    private async Task OnStoppingAsync(CancellationToken cancellationToken)
    {
        await _siloStarted.DisposeAsync().ConfigureAwait(false);
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
                if (_feeding || _parts.Count == 0 || _stopping.IsCancellationRequested)
                {
                    return;
                }

                var startNow = new StartNowLifecycle();
                foreach (var part in _parts)
                {
                    ((ILifecycleParticipant<ISiloLifecycle>)part).Participate(startNow);
                }

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
                    StopParts();
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

    private void StopParts()
    {
        foreach (var part in _parts)
        {
            ((IDisposable)part).Dispose();
        }
    }

    [LoggerMessage(1, LogLevel.Information, "An operator watches the dashboard: this silo feeds its counters and grain-method profiles every second.")]
    private static partial void LogStarted(ILogger logger);

    [LoggerMessage(2, LogLevel.Information, "Nobody watched the dashboard for {Seconds} s: this silo stopped feeding its counters and profiles.")]
    private static partial void LogStopped(ILogger logger, double seconds);

    [LoggerMessage(3, LogLevel.Warning, "Could not start feeding the dashboard's counters; the next signal of a watching operator tries again.")]
    private static partial void LogStartFailed(ILogger logger, Exception exception);
}
