using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace Grains.Silo.Tests.Processes;

/// <summary>A silo process killed with SIGKILL: its carts come back on the survivors with every acknowledged line.</summary>
[Trait("Category", "Integration")]
[Collection(SiloProcessCollection.Name)]
public sealed class SiloCrashTests(ITestOutputHelper output)
{
    private static readonly string[] s_skus = ["TEA-001", "COF-002", "MUG-001"];

    [Fact]
    public async Task After_kill_9_every_cart_answers_from_a_survivor_with_all_its_acknowledged_lines()
    {
        await using var cluster = await SiloCluster.StartAsync(new SiloClusterOptions { SiloCount = 3 }, output);
        var ledger = new CartLedger();
        var placement = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < 30; i++)
        {
            var cart = string.Create(CultureInfo.InvariantCulture, $"crash-{i}");
            foreach (var sku in s_skus.Take(1 + (i % s_skus.Length)))
            {
                placement[cart] = (await cluster.AddItemAsync(cart, sku)).Silo;
                ledger.Acknowledged(cart, sku);
            }
        }

        var victim = placement.Values.GroupBy(s => s, StringComparer.Ordinal).MaxBy(g => g.Count())!.Key;
        var victimCarts = placement.Where(p => p.Value == victim).Select(p => p.Key).ToList();
        Assert.True(placement.Values.Distinct().Count() > 1, $"every cart was placed on {victim}");

        var killedAt = Stopwatch.GetTimestamp();
        cluster.Silo(victim).Kill();
        var failures = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var answeredAfter = new ConcurrentBag<double>();
        await Task.WhenAll(victimCarts.Select(async cart =>
        {
            var read = await cluster.ReadUntilAnsweredAsync(cart, TimeSpan.FromSeconds(60), failures);
            answeredAfter.Add(Stopwatch.GetElapsedTime(killedAt).TotalMilliseconds);
            Assert.NotEqual(victim, read.Silo);
            Assert.Null(ledger.Check(read.Value));
        }));

        foreach (var cart in placement.Keys)
        {
            var read = await cluster.ReadUntilAnsweredAsync(cart, TimeSpan.FromSeconds(30), failures);
            Assert.NotEqual(victim, read.Silo);
            Assert.Null(ledger.Check(read.Value));
        }

        var times = answeredAfter.Order().ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{victimCarts.Count} carts of {victim} answered again {times[0]:0} to {times[^1]:0} ms (median {times[times.Count / 2]:0} ms) after kill -9; " +
            $"failed or abandoned reads on the way: {(failures.IsEmpty ? "none" : string.Join(", ", failures.Select(f => $"{f.Key} x{f.Value}")))}."));
    }
}
