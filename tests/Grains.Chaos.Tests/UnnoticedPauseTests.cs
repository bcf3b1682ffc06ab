using Grains.Chaos.Nemesis;
using Grains.Chaos.Reporting;
using Xunit.Abstractions;

namespace Grains.Chaos.Tests;

/// <summary>
/// A pause too short for any peer to declare the silo dead (0.3 s, against two missed probes of 1 s) leaves a silo
/// that still owns its grains when it resumes. It keeps running, rightly: the tool must not count it as a zombie that
/// failed to stop, which on a starved machine would fail a run for a pause the probes simply did not catch in time.
/// </summary>
[Trait("Category", "Chaos")]
[Collection(ChaosRunCollection.Name)]
public sealed class UnnoticedPauseTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_resumed_silo_that_was_never_declared_dead_is_not_a_zombie()
    {
        var settings = ChaosSettings.Short with
        {
            Seed = 5,
            Duration = TimeSpan.FromSeconds(5),
            Workload = ChaosSettings.Short.Workload with { Users = 10 },
            Nemesis = new NemesisOptions
            {
                Faults = [FaultKind.Pause],
                Interval = TimeSpan.FromSeconds(3),
                PauseDuration = TimeSpan.FromSeconds(0.3),
                ZombieExitTimeout = TimeSpan.FromSeconds(5),
            },
        };
        using var log = new TestOutputWriter(output);

        var report = await ChaosRunner.RunAsync(settings, log);

        output.WriteLine(SummaryWriter.Write(report));
        var pauses = report.Faults.Where(f => f.Kind == FaultKind.Pause).ToList();
        Assert.NotEmpty(pauses);
        Assert.All(pauses, p =>
        {
            Assert.Null(p.ExitedBySelf);
            Assert.Contains("not declared dead", p.Error, StringComparison.Ordinal);
        });
        Assert.True(report.Valid, string.Join(", ", report.Invariants.Where(i => !i.Holds).Select(i => $"{i.Name} = {i.Value}")));
    }
}
