namespace Grains.Benchmarks;

/// <summary>What one run measures: each scenario on each path, each for a warm-up and then a measurement window.</summary>
/// <param name="Filters">The silo's incoming call filters (<see cref="SiloFilters.Production"/> by default).</param>
/// <param name="ClientConnections">Orleans' <c>ConnectionOptions.ConnectionsPerEndpoint</c> on the client (Orleans' default 1).</param>
/// <param name="PayloadBytes">0: calls <c>PingAsync(int)</c>; otherwise <c>EchoAsync</c> of a byte array this long.</param>
internal sealed record BenchmarkSettings(
    int Concurrency,
    TimeSpan WarmUp,
    TimeSpan Duration,
    IReadOnlyList<Scenario> Scenarios,
    IReadOnlyList<CallPath> Paths,
    SiloFilters Filters,
    int ClientConnections,
    int PayloadBytes);
