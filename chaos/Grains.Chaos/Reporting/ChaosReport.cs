using Grains.Chaos.Checking;
using Grains.Chaos.Cluster;
using Grains.Chaos.Nemesis;

namespace Grains.Chaos.Reporting;

/// <summary>Everything a chaos run found. <see cref="Valid"/> is false when any invariant is broken.</summary>
public sealed record ChaosReport(
    string RunId,
    RunSettings Settings,
    DateTimeOffset StartedAt,
    double ElapsedSeconds,
    bool Valid,
    IReadOnlyList<Invariant> Invariants,
    CartCheck Cart,
    ActivationCheck Activations,
    IReadOnlyList<Availability> Availability,
    IReadOnlyDictionary<string, Distribution> Failover,
    IReadOnlyList<FailoverSample> FailoverSamples,
    IReadOnlyList<Fault> Faults,
    IReadOnlyList<UnexpectedExit> UnexpectedExits,
    IReadOnlyList<ProcessCrash> Crashes,
    IReadOnlyDictionary<string, string>? ProcessOutput = null)
{
    /// <summary>0 when every invariant holds, 1 when one is broken.</summary>
    public int ExitCode => Valid ? 0 : 1;
}
