namespace Grains.Showdown.Reporting;

/// <summary>Successful requests per second of one kind, and their latency percentiles in milliseconds.</summary>
internal sealed record ThroughputFigures(double Rps, double P50Ms, double P95Ms, double P99Ms);
