namespace Grains.Benchmarks.CheckoutWrites;

/// <summary>
/// What one checkout sent to Redis when its user had <see cref="History"/> orders: the grain state writes, by the grain
/// type written, and every other command; and the size the history would have as one record, as orders were stored before pages.
/// </summary>
internal sealed record CheckoutWritesSample(int History, IReadOnlyList<MonitoredCommand> Commands, int OneRecordBytes)
{
    /// <summary>State writes (the storage provider's compare-and-set scripts), by grain type: count and bytes.</summary>
    public IReadOnlyDictionary<string, (int Count, int Bytes)> WritesByGrainType { get; } = Commands
        .Where(c => !c.FromScript && c.StateGrainType is not null && c.Name is "EVAL" or "EVALSHA")
        .GroupBy(c => c.StateGrainType!, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => (g.Count(), g.Sum(c => c.WireBytes)), StringComparer.Ordinal);

    /// <summary>Every command a client sent, writes included: count and bytes.</summary>
    public (int Count, int Bytes) AllSent => (Commands.Count(c => !c.FromScript), Commands.Where(c => !c.FromScript).Sum(c => c.WireBytes));
}
