namespace Grains.Silo.Fencing;

/// <summary>
/// Runs <paramref name="tick"/> every <paramref name="interval"/> on the thread pool, one run at a time, from
/// <see cref="Start"/> until <see cref="StopAsync"/>; the lease's renewals and the peers' checks each have one.
/// </summary>
internal sealed class PeriodicLoop(TimeSpan interval, TimeProvider timeProvider, Func<Task> tick)
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    /// <summary>Cancelled when the loop is asked to stop; a tick passes it to what it awaits.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public void Start() => _loop = Task.Run(RunAsync, CancellationToken.None);

    /// <summary>Stops the loop and waits for a tick under way to end.</summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(interval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false))
            {
                await tick().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopped.
        }
    }
}
