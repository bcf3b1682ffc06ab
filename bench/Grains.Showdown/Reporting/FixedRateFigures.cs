namespace Grains.Showdown.Reporting;

/// <summary>The offered rate of the open-loop phases, and what reads and adds got at it.</summary>
internal sealed record FixedRateFigures(double OfferedRps, ThroughputFigures Read, ThroughputFigures Write);
