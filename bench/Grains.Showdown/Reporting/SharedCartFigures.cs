namespace Grains.Showdown.Reporting;

/// <summary>Adds to one cart by <paramref name="Writers"/> writers at once: how many were acknowledged per second, their latency, and what failed.</summary>
/// <param name="Retries">Compare-and-set attempts the stateless servers had to repeat; null where there is no such thing.</param>
internal sealed record SharedCartFigures(int Writers, double Rps, double P50Ms, double P99Ms, int Failed, long? Retries);
