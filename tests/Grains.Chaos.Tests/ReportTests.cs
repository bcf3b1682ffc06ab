using Grains.Chaos.Checking;
using Grains.Chaos.Nemesis;
using Grains.Chaos.Reporting;
using Grains.Chaos.Workload;

namespace Grains.Chaos.Tests;

public sealed class ReportTests
{
    [Fact]
    public void A_broken_invariant_makes_the_run_invalid_and_its_exit_code_non_zero()
    {
        var holds = Report([new Invariant("lost acknowledged writes", 0, 0), new Invariant("faults injected", 3, 1, AtLeast: true)]);
        var broken = Report([new Invariant("lost acknowledged writes", 1, 0), new Invariant("faults injected", 3, 1, AtLeast: true)]);
        var vacuous = Report([new Invariant("lost acknowledged writes", 0, 0), new Invariant("faults injected", 0, 1, AtLeast: true)]);

        Assert.Equal(0, holds.ExitCode);
        Assert.Equal(1, broken.ExitCode);
        Assert.Equal(1, vacuous.ExitCode);
        Assert.Contains("BROKEN", SummaryWriter.Write(broken), StringComparison.Ordinal);
        Assert.Contains("VALID", SummaryWriter.Write(holds), StringComparison.Ordinal);
    }

    [Fact]
    public void Availability_is_counted_overall_during_each_kind_of_fault_and_with_none()
    {
        Operation Op(long at, Outcome outcome) => new(at, "u", OperationKind.Read, at, at + 5, outcome, 200);
        // The operation invoked at 96 is still under way when the fault begins at 100.
        var history = new[] { Op(10, Outcome.Ok), Op(96, Outcome.Info), Op(110, Outcome.Info), Op(120, Outcome.Ok), Op(300, Outcome.Fail) };
        var faults = new[] { new Fault(1, FaultKind.Kill, "silo-1", StartedAt: 100, HealedAt: 150, HealthyAt: 200) };

        var availability = AvailabilityMeasure.Measure(history, faults).ToDictionary(a => a.Period);

        Assert.Equal((5, 2), (availability[AvailabilityMeasure.Overall].Operations, availability[AvailabilityMeasure.Overall].Ok));
        Assert.Equal((3, 1, 2), (availability["during Kill"].Operations, availability["during Kill"].Ok, availability["during Kill"].Info));
        Assert.Equal((2, 1, 1), (availability[AvailabilityMeasure.Calm].Operations, availability[AvailabilityMeasure.Calm].Ok, availability[AvailabilityMeasure.Calm].Fail));
    }

    [Fact]
    public void Failover_runs_from_the_fault_to_the_first_acknowledged_answer_of_the_last_affected_user()
    {
        // Journal times are microseconds, fault and history times milliseconds.
        var faults = new[] { new Fault(1, FaultKind.Kill, "silo-1", StartedAt: 1_000) };
        var activations = new[]
        {
            new ActivationInterval("cart/alice", "a", "silo-1", 500_000, 990_000),
            new ActivationInterval("session/s-bob", "b", "silo-1", 500_000, 990_000),
            new ActivationInterval("cart/carol", "c", "silo-2", 500_000, 990_000),
            // Dave's cart had moved off silo-1 before the fault; his session was started there only after it.
            new ActivationInterval("cart/dave", "d1", "silo-1", 100_000, 200_000),
            new ActivationInterval("cart/dave", "d2", "silo-2", 300_000, 990_000),
            new ActivationInterval("session/s-dave", "e", "silo-1", 1_100_000, 1_200_000),
        };
        var history = new[]
        {
            new Operation(1, "alice", OperationKind.Read, 1_010, 1_200, Outcome.Ok, 200),
            new Operation(2, "bob", OperationKind.Read, 1_010, 1_100, Outcome.Info, 503),
            new Operation(3, "bob", OperationKind.Read, 1_150, 1_450, Outcome.Ok, 200),
            new Operation(4, "carol", OperationKind.Read, 1_010, 3_000, Outcome.Ok, 200),
            new Operation(5, "dave", OperationKind.Read, 1_010, 4_000, Outcome.Ok, 200),
        };
        var sessions = new Dictionary<string, string>(StringComparer.Ordinal) { ["s-bob"] = "bob", ["s-dave"] = "dave" };

        var sample = Assert.Single(FailoverMeasure.Measure(faults, activations, history, sessions));

        Assert.Equal(2, sample.AffectedUsers);
        Assert.Equal(450, sample.Milliseconds);
    }

    [Theory]
    [InlineData("mixed", 5)]
    [InlineData("kill", 1)]
    [InlineData("kill, pause,kill", 2)]
    public void Fault_lists_are_parsed(string text, int kinds) => Assert.Equal(kinds, ChaosCommand.ParseFaults(text)!.Count);

    [Theory]
    [InlineData("explode")]
    [InlineData("")]
    [InlineData("7")]
    public void Unknown_faults_are_refused(string text) => Assert.Null(ChaosCommand.ParseFaults(text));

    private static ChaosReport Report(IReadOnlyList<Invariant> invariants) => new(
        "run",
        new RunSettings("short", 1, 60, 1, 3, 2, [FaultKind.Kill], 6, 5, 50),
        DateTimeOffset.UnixEpoch,
        60,
        invariants.All(i => i.Holds),
        invariants,
        new CartCheck(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, []),
        new ActivationCheck(1, 1, 0, []),
        [],
        new Dictionary<string, Distribution>(),
        [],
        [],
        [],
        []);
}
