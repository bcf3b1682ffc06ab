using System.Diagnostics;
using Grains.Benchmarks.Grains;

namespace Grains.Benchmarks;

/// <summary>
/// Keeps a fixed number of calls in flight: one loop per outstanding call, each awaiting its call and issuing the
/// next, over the given grains in turn. Only calls that start and finish inside the measurement window count.
/// </summary>
internal sealed class LoadGenerator : IAsyncDisposable
{
    private const int WarmingUp = 0;
    private const int Measuring = 1;
    private const int Stopping = 2;

    /// <summary>Longer than any call may take (Orleans' default response timeout is 30 s), so stopping is bounded.</summary>
    private static readonly TimeSpan s_drainTimeout = TimeSpan.FromSeconds(45);

    private readonly IPingGrain[] _grains;
    private readonly Worker[] _workers;
    private readonly Task[] _loops;
    private int _phase;
    private long _measureStarted;
    private long _measureEnded;

    private readonly int _payloadBytes;

    private LoadGenerator(IPingGrain[] grains, int concurrency, int payloadBytes)
    {
        _grains = grains;
        _payloadBytes = payloadBytes;
        _workers = new Worker[concurrency];
        _loops = new Task[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            var worker = new Worker(i);
            _workers[i] = worker;
            _loops[i] = Task.Run(() => RunAsync(worker));
        }
    }

    /// <param name="payloadBytes">0: each call is <c>PingAsync(int)</c>; otherwise <c>EchoAsync</c> of an array this long.</param>
    public static LoadGenerator Start(IPingGrain[] grains, int concurrency, int payloadBytes) => new(grains, concurrency, payloadBytes);

    public void BeginMeasurement()
    {
        _measureStarted = Stopwatch.GetTimestamp();
        Volatile.Write(ref _phase, Measuring);
    }

    /// <summary>Closes the measurement window, waits for the calls still in flight, and sums up the window.</summary>
    public async Task<LoadResult> EndMeasurementAsync()
    {
        _measureEnded = Stopwatch.GetTimestamp();
        Volatile.Write(ref _phase, Stopping);
        await Task.WhenAll(_loops).WaitAsync(s_drainTimeout);

        var latencies = new LatencyHistogram();
        var errors = 0L;
        string? firstError = null;
        foreach (var worker in _workers)
        {
            latencies.Add(worker.Latencies);
            errors += worker.Errors;
            firstError ??= worker.FirstError;
        }

        return new LoadResult(Stopwatch.GetElapsedTime(_measureStarted, _measureEnded), latencies, errors, firstError);
    }

    public async ValueTask DisposeAsync()
    {
        Volatile.Write(ref _phase, Stopping);
        await Task.WhenAll(_loops).WaitAsync(s_drainTimeout);
    }

    private async Task RunAsync(Worker worker)
    {
        var next = worker.Index % _grains.Length;
        var value = 0;
        var payload = new byte[_payloadBytes];
        while (true)
        {
            var phase = Volatile.Read(ref _phase);
            if (phase == Stopping)
            {
                return;
            }

            var started = Stopwatch.GetTimestamp();
            var failed = false;
            try
            {
                if (payload.Length == 0)
                {
                    await _grains[next].PingAsync(value++);
                }
                else
                {
                    await _grains[next].EchoAsync(payload);
                }
            }
            catch (Exception ex)
            {
                failed = true;
                worker.FirstError ??= $"{ex.GetType().Name}: {ex.Message}";
            }

            if (phase == Measuring && Volatile.Read(ref _phase) == Measuring)
            {
                if (failed)
                {
                    worker.Errors++;
                }
                else
                {
                    worker.Latencies.RecordSince(started);
                }
            }

            next = (next + _workers.Length) % _grains.Length;
        }
    }

    /// <summary>One loop's tallies, touched by that loop only until it ends.</summary>
    private sealed class Worker(int index)
    {
        public int Index { get; } = index;

        public LatencyHistogram Latencies { get; } = new();

        public long Errors { get; set; }

        public string? FirstError { get; set; }
    }
}
