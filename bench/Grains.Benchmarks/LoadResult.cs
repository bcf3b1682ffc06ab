namespace Grains.Benchmarks;

/// <summary>What a measurement window saw: successful calls (with their latencies) and failed ones.</summary>
internal sealed record LoadResult(TimeSpan Elapsed, LatencyHistogram Latencies, long Errors, string? FirstError)
{
    public long Calls => Latencies.Count;

    public double CallsPerSecond => Calls / Elapsed.TotalSeconds;
}
