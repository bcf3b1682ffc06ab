namespace Grains.Benchmarks;

/// <summary>What one run measures: each scenario on each path, each for a warm-up and then a measurement window.</summary>
internal sealed record BenchmarkSettings(
    int Concurrency,
    TimeSpan WarmUp,
    TimeSpan Duration,
    IReadOnlyList<Scenario> Scenarios,
    IReadOnlyList<CallPath> Paths);
