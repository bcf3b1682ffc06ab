namespace Grains.Showdown.Load;

/// <summary>What one worker saw in one phase; kept per worker so that recording takes no lock, merged at the end.</summary>
internal sealed class WorkerRecord
{
    /// <summary>Latencies of successful reads, in Stopwatch ticks.</summary>
    public List<long> Reads { get; } = [];

    /// <summary>Latencies of successful writes, in Stopwatch ticks.</summary>
    public List<long> Writes { get; } = [];

    public int SignIns { get; set; }

    /// <summary>Failed requests by status (<see cref="ShopClient.NoAnswer"/> for no answer at all).</summary>
    public Dictionary<int, int> Failures { get; } = [];

    public void Fail(int status) => Failures[status] = Failures.GetValueOrDefault(status) + 1;
}
