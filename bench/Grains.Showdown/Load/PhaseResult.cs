using System.Diagnostics;

namespace Grains.Showdown.Load;

/// <summary>What all workers saw in one phase of <see cref="Elapsed"/>.</summary>
internal sealed class PhaseResult(TimeSpan elapsed, IReadOnlyList<WorkerRecord> workers)
{
    public TimeSpan Elapsed { get; } = elapsed;

    public IReadOnlyList<WorkerRecord> Workers { get; } = workers;

    public LatencySummary Reads { get; } = LatencySummary.Of(workers.SelectMany(w => w.Reads), elapsed);

    public LatencySummary Writes { get; } = LatencySummary.Of(workers.SelectMany(w => w.Writes), elapsed);

    public int SignIns { get; } = workers.Sum(w => w.SignIns);

    /// <summary>Failed requests by status; 0 is a request that got no answer.</summary>
    public IReadOnlyDictionary<int, int> Failures { get; } = workers
        .SelectMany(w => w.Failures)
        .GroupBy(f => f.Key)
        .ToDictionary(g => g.Key, g => g.Sum(f => f.Value));

    public int FailedRequests => Failures.Values.Sum();

    /// <summary>Every request answered or not: successful reads, writes and sign-ins, and failures.</summary>
    public long Requests => Reads.Count + Writes.Count + SignIns + FailedRequests;

    /// <summary>Several phases as one: their times and their requests added up.</summary>
    public static PhaseResult Combine(IReadOnlyCollection<PhaseResult> phases) =>
        new(TimeSpan.FromTicks(phases.Sum(p => p.Elapsed.Ticks)), [.. phases.SelectMany(p => p.Workers)]);

    public static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
