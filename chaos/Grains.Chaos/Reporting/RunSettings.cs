using Grains.Chaos.Nemesis;

namespace Grains.Chaos.Reporting;

/// <summary>The settings of a run, as the report records them.</summary>
public sealed record RunSettings(
    string Mode,
    int Seed,
    double DurationSeconds,
    int Users,
    int Silos,
    int Gateways,
    IReadOnlyList<FaultKind> Faults,
    double FaultIntervalSeconds,
    double PauseSeconds,
    double ThinkTimeMilliseconds);
