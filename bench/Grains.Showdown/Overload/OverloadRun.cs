using Grains.Showdown.Measuring;

namespace Grains.Showdown.Overload;

/// <summary>A whole overload run: the capacity measured first, the phases, and the machine it ran on.</summary>
/// <param name="Capacity">The open loop's capacity, which the phases' factors multiply.</param>
/// <param name="ClosedLoopCapacity">Reads per second with 64 in flight, each sent when the last was answered.</param>
/// <param name="ClosedLoopCpu">The cores used while the closed loop measured.</param>
/// <param name="Probes">The steps of the open loop's capacity search.</param>
internal sealed record OverloadRun(
    string Machine,
    string LoadAtStart,
    string LoadAtEnd,
    double Capacity,
    double ClosedLoopCapacity,
    CpuUse ClosedLoopCpu,
    IReadOnlyList<CapacityProbe> Probes,
    IReadOnlyList<OverloadPhase> Phases);
