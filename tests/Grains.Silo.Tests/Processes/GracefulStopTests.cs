using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Grains.Testing;
using Xunit.Abstractions;

namespace Grains.Silo.Tests.Processes;

/// <summary>A silo stopped with SIGTERM under load hands its carts over: no caller sees a failure.</summary>
[Trait("Category", "Integration")]
[Collection(SiloProcessCollection.Name)]
public sealed class GracefulStopTests(ITestOutputHelper output)
{
    private const int CartCount = 20;
    private const int MaxCallsPerWorker = 4_000;
    private static readonly string[] s_skus = ["TEA-001", "TEA-002", "COF-001", "COF-002", "SNK-001"];

    [Fact]
    public async Task A_silo_stopped_with_SIGTERM_exits_0_while_no_call_of_busy_workers_fails_and_its_carts_move_to_the_survivors()
    {
        await using var cluster = await SiloCluster.StartAsync(new SiloClusterOptions { SiloCount = 3 }, output);
        var ledger = new CartLedger();
        var carts = Enumerable.Range(0, CartCount).Select(i => string.Create(CultureInfo.InvariantCulture, $"term-{i}")).ToList();
        var lastServedBy = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var failures = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();

        // One worker per cart, each adding without pause: a cart's acknowledged adds are then exactly its worker's. A call
        // is sent again only when it certainly did not run, as the gateway does (SiloCluster.CallAsync).
        async Task WorkAsync(string cart)
        {
            for (var call = 0; call < MaxCallsPerWorker && !stop.IsCancellationRequested; call++)
            {
                var sku = s_skus[call % s_skus.Length];
                try
                {
                    var added = await cluster.AddItemAsync(cart, sku);
                    ledger.Acknowledged(cart, sku);
                    lastServedBy[cart] = added.Silo;
                }
                catch (Exception ex)
                {
                    ledger.Unknown(cart, sku);
                    failures.Enqueue($"{cart} add {sku} (acknowledged adds before it: {ledger.AcknowledgedAdds(cart)}): {ex.GetType().Name}: {ex.Message}");
                }
            }
        }

        var workers = carts.Select(cart => Task.Run(() => WorkAsync(cart))).ToList();
        try
        {
            await Poll.UntilAsync(() => carts.All(c => ledger.AcknowledgedAdds(c) >= 3), TimeSpan.FromSeconds(60), "every cart to have taken 3 adds");
            var leaving = lastServedBy.Values.GroupBy(s => s, StringComparer.Ordinal).MaxBy(g => g.Count())!.Key;
            var leavingCarts = lastServedBy.Where(p => p.Value == leaving).Select(p => p.Key).ToList();

            var terminatedAt = Stopwatch.GetTimestamp();
            var before = carts.ToDictionary(c => c, ledger.AcknowledgedAdds, StringComparer.Ordinal);
            cluster.Silo(leaving).Terminate();
            Assert.True(await cluster.Silo(leaving).WaitForExitAsync(TimeSpan.FromSeconds(60)), $"{leaving} did not stop after SIGTERM:{Environment.NewLine}{cluster.Silo(leaving).RecentOutput}");
            var stoppedAfter = Stopwatch.GetElapsedTime(terminatedAt);
            Assert.True(cluster.Silo(leaving).ExitCode == 0, $"{leaving} exited with code {cluster.Silo(leaving).ExitCode}:{Environment.NewLine}{cluster.Silo(leaving).RecentOutput}");

            // The load goes on after the stop: every cart takes more adds, on a survivor.
            var afterExit = carts.ToDictionary(c => c, ledger.AcknowledgedAdds, StringComparer.Ordinal);
            await Poll.UntilAsync(
                () => carts.All(c => ledger.AcknowledgedAdds(c) >= afterExit[c] + 3) || !failures.IsEmpty,
                TimeSpan.FromSeconds(60),
                "every cart to take 3 more adds after the silo exited");
            await stop.CancelAsync();
            await Task.WhenAll(workers);

            var finals = new List<Served<Shop.Contracts.Carts.Cart>>();
            foreach (var cart in carts)
            {
                finals.Add(await cluster.GetCartAsync(cart));
            }

            var failedThatRan = finals.Sum(f => f.Value.Items.Sum(i => i.Quantity)) - carts.Sum(ledger.AcknowledgedAdds);
            Assert.True(failures.IsEmpty,
                $"{failures.Count} calls failed, {failedThatRan} of them had taken effect:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(20))}");
            foreach (var final in finals)
            {
                Assert.Null(ledger.Check(final.Value));
                Assert.NotEqual(leaving, final.Silo);
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{leaving} (hosting {leavingCarts.Count} of {CartCount} carts) exited with code 0 {stoppedAfter.TotalMilliseconds:0} ms after SIGTERM; " +
                $"{carts.Sum(c => afterExit[c] - before[c])} adds were acknowledged meanwhile, {carts.Sum(ledger.AcknowledgedAdds)} in all, none failed; " +
                $"calls sent again because they certainly did not run: {(cluster.NotRunRetries.Count == 0 ? "none" : string.Join(", ", cluster.NotRunRetries.Select(r => $"{r.Key} x{r.Value}")))}."));
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        }
    }
}
