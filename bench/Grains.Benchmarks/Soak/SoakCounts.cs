using System.Collections.Concurrent;

namespace Grains.Benchmarks.Soak;

/// <summary>Answers counted by what was asked and the status that came back (0: no answer).</summary>
internal sealed class SoakCounts
{
    private readonly ConcurrentDictionary<(string Kind, int Status), int> _counts = new();

    public void Add(string kind, int status) => _counts.AddOrUpdate((kind, status), 1, (_, n) => n + 1);

    public IReadOnlyList<(string Kind, int Status, int Count)> Snapshot() =>
        [.. _counts.OrderBy(c => c.Key.Kind, StringComparer.Ordinal).ThenBy(c => c.Key.Status).Select(c => (c.Key.Kind, c.Key.Status, c.Value))];

    public int Total(Func<int, bool> status) => _counts.Where(c => status(c.Key.Status)).Sum(c => c.Value);
}
