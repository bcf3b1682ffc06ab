using System.Diagnostics;
using System.Globalization;
using Grains.Testing;
using Xunit.Abstractions;

namespace Grains.Silo.Tests.Processes;

/// <summary>
/// The refused-connection detector declares a killed silo dead as soon as its port refuses connections; without it
/// Orleans' missed probes do, later.
/// </summary>
[Trait("Category", "Integration")]
[Collection(SiloProcessCollection.Name)]
public sealed class RefusedConnectionDetectorTests(ITestOutputHelper output)
{
    private const string DetectorMessage = "refuses connections: its process is gone";

    [Fact]
    public async Task A_killed_silo_is_declared_dead_by_a_survivor_that_found_its_port_refusing_and_by_probes_when_the_detector_is_off()
    {
        var withDetector = await KillAndWaitForDeathAsync(detector: true);
        var withoutDetector = await KillAndWaitForDeathAsync(detector: false);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"kill -9 to Status Dead in the membership table: {withDetector.TotalMilliseconds:0} ms with the refused-connection detector, " +
            $"{withoutDetector.TotalMilliseconds:0} ms with Orleans' probes alone."));
    }

    private async Task<TimeSpan> KillAndWaitForDeathAsync(bool detector)
    {
        await using var cluster = await SiloCluster.StartAsync(
            new SiloClusterOptions { SiloCount = 2, SiloArguments = [$"--FailureDetection:DeclareRefusingPeersDead={detector}"] },
            output);
        var victim = cluster.Silo("silo-2");
        var survivors = cluster.Silos.Where(s => s != victim).Select(s => s.Name).ToList();
        var killedAt = Stopwatch.GetTimestamp();
        victim.Kill();
        await Poll.UntilAsync(
            async () => (await cluster.MembershipOfAsync("silo-2"))?.Status == MembershipRow.Dead,
            TimeSpan.FromSeconds(60),
            "the killed silo-2 to be declared dead in the membership table");
        var declaredAfter = Stopwatch.GetElapsedTime(killedAt);

        var survivorsThatSawTheRefusal = survivors.Where(s => cluster.LogOf(s).Contains(DetectorMessage)).ToList();
        if (detector)
        {
            // The declaration and its log line are written by the same survivor, the line just after: wait for it.
            await Poll.UntilAsync(
                () => survivors.Any(s => cluster.LogOf(s).Contains(DetectorMessage)),
                TimeSpan.FromSeconds(10),
                "silo-1 to log that silo-2 refuses connections");
        }
        else
        {
            Assert.Empty(survivorsThatSawTheRefusal);
        }

        Assert.All(survivors, s => Assert.False(cluster.Silo(s).HasExited, $"{s} exited"));
        return declaredAfter;
    }
}
