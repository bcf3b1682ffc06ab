using System.Diagnostics;
using System.Numerics;

namespace Grains.Benchmarks;

/// <summary>
/// Call latencies in microseconds, in log-linear buckets: exact below 64 µs, then 32 buckets per power of two
/// (at most about 3% too high). Fixed size and allocation-free to record, so every worker keeps its own and they
/// are merged at the end.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int LinearBuckets = 64;
    private const int BucketsPerOctave = 32;
    private const int MaxShift = 26;

    private readonly long[] _counts = new long[LinearBuckets + (MaxShift * BucketsPerOctave)];

    public long Count { get; private set; }

    public void RecordSince(long startTimestamp) =>
        Record((long)Stopwatch.GetElapsedTime(startTimestamp).TotalMicroseconds);

    public void Record(long microseconds)
    {
        _counts[IndexOf(microseconds)]++;
        Count++;
    }

    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
    }

    /// <summary>The latency that <paramref name="fraction"/> of the calls did not exceed (upper edge of its bucket).</summary>
    public TimeSpan Percentile(double fraction)
    {
        if (Count == 0)
        {
            return TimeSpan.Zero;
        }

        var rank = (long)Math.Ceiling(fraction * Count);
        var seen = 0L;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= Math.Max(1, rank))
            {
                return TimeSpan.FromMicroseconds(UpperEdgeOf(i));
            }
        }

        return TimeSpan.FromMicroseconds(UpperEdgeOf(_counts.Length - 1));
    }

    private static int IndexOf(long microseconds)
    {
        if (microseconds < LinearBuckets)
        {
            return (int)Math.Max(0, microseconds);
        }

        var shift = Math.Min(MaxShift, BitOperations.Log2((ulong)microseconds) - 5);
        var top = (int)Math.Min(2 * BucketsPerOctave - 1, microseconds >> shift);
        return LinearBuckets + ((shift - 1) * BucketsPerOctave) + (top - BucketsPerOctave);
    }

    private static long UpperEdgeOf(int index)
    {
        if (index < LinearBuckets)
        {
            return index;
        }

        var shift = ((index - LinearBuckets) / BucketsPerOctave) + 1;
        var top = ((index - LinearBuckets) % BucketsPerOctave) + BucketsPerOctave;
        return ((long)(top + 1) << shift) - 1;
    }
}
