using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grains.Runtime.Membership;

/// <summary>
/// Keeps the <see cref="MembershipView"/> current: reads the table when the store signals a change (fast path) and
/// every <see cref="MembershipOptions.TableRefreshInterval"/> (the path that never misses a change).
/// </summary>
internal sealed partial class MembershipRefresher(
    IMembershipTable table,
    MembershipView view,
    IOptions<MembershipOptions> options,
    ILogger<MembershipRefresher> logger) : IAsyncDisposable
{
    private int _disposed;
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly CancellationTokenSource _stopping = new();
    private IDisposable? _subscription;
    private Task? _loop;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await table.InitializeAsync(cancellationToken).ConfigureAwait(false);
        _subscription = table.SubscribeToChanges(RequestRefresh);
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        _loop = LoopAsync(_stopping.Token);
    }

    public void RequestRefresh()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one pending refresh covers every change so far.
        }
        catch (ObjectDisposedException)
        {
            // Stopped.
        }
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var members = await table.ReadAllAsync(cancellationToken).ConfigureAwait(false);
        view.Update(members);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _subscription?.Dispose();
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stopping.Dispose();
        _signal.Dispose();
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        var interval = options.Value.TableRefreshInterval;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await _signal.WaitAsync(interval, cancellationToken).ConfigureAwait(false);
                await RefreshAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogRefreshFailed(logger, ex);
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Reading the membership table failed; the view may be stale until the store answers again.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
