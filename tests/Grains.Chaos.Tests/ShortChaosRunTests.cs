using System.Text.Json;
using Grains.Chaos.Nemesis;
using Grains.Chaos.Reporting;
using Grains.Chaos.Serialization;
using Xunit.Abstractions;

namespace Grains.Chaos.Tests;

/// <summary>
/// The chaos tool's short mode, as CI runs it: Redis, three silos and two gateways as real processes, fifty users, and
/// every kind of fault (kill -9, SIGTERM, SIGSTOP/SIGCONT, a gateway kill, a Redis restart) while they shop.
/// </summary>
[Trait("Category", "Chaos")]
[Collection(ChaosRunCollection.Name)]
public sealed class ShortChaosRunTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Under_every_kind_of_fault_no_acknowledged_write_is_lost_none_applies_twice_and_no_grain_has_two_activations()
    {
        var settings = ChaosSettings.Short with { Seed = 20261202 };
        using var log = new TestOutputWriter(output);

        var report = await ChaosRunner.RunAsync(settings, log);

        await File.WriteAllTextAsync(
            Path.Combine(AppContext.BaseDirectory, "chaos-short-report.json"),
            JsonSerializer.Serialize(report, ChaosJsonContext.Default.ChaosReport));
        output.WriteLine(SummaryWriter.Write(report));
        var broken = report.Invariants.Where(i => !i.Holds).Select(i => $"{i.Name} = {i.Value}");
        var anomalies = report.Cart.Anomalies.Concat(report.Activations.Duplicates).Concat(report.Faults.Where(f => f.Error is not null).Select(f => f.Error!));
        Assert.True(report.Valid, $"Broken: {string.Join(", ", broken)}. {string.Join(" | ", anomalies.Take(10))}");
        Assert.Equal(Enum.GetValues<FaultKind>(), report.Faults.Select(f => f.Kind).Distinct().Order());
        Assert.True(report.Cart.AcknowledgedAdds > 0 && report.Cart.AcknowledgedCheckouts > 0 && report.Cart.AcknowledgedReads > 0, "the workload did every kind of operation");
        Assert.Equal(0, report.ExitCode);
    }
}
