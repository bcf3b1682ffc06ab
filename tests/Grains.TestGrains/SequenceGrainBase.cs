using Grains.Runtime;

namespace Grains.TestGrains;

public abstract class SequenceGrainBase : Grain
{
    private readonly List<int> _values = [];
    private int _running;
    private int _maxRunning;

    public async Task AppendAsync(int value, int delayMs)
    {
        var running = Interlocked.Increment(ref _running);
        _maxRunning = Math.Max(_maxRunning, running);
        try
        {
            if (delayMs > 0)
            {
                await Task.Delay(delayMs);
            }

            lock (_values)
            {
                _values.Add(value);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    public Task<IReadOnlyList<int>> GetAsync()
    {
        lock (_values)
        {
            return Task.FromResult<IReadOnlyList<int>>([.. _values]);
        }
    }

    public Task<int> GetMaxConcurrencyAsync() => Task.FromResult(_maxRunning);

    public Task DelayAsync(int delayMs) => Task.Delay(delayMs);

    public Task<int> CallThroughAsync(string other) => CallOtherAsync(other);

    public Task<int> CallBackAsync(string origin) => GetOriginCountAsync(origin);

    protected abstract Task<int> CallOtherAsync(string other);

    protected abstract Task<int> GetOriginCountAsync(string origin);
}
