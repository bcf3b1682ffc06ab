namespace Grains.Showdown.Overload;

/// <summary>A whole overload run: the capacity measured first, the phases, and the machine it ran on.</summary>
internal sealed record OverloadRun(string Machine, string LoadAtStart, string LoadAtEnd, double Capacity, IReadOnlyList<OverloadPhase> Phases);
