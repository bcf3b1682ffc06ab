using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Grains.Shop.Contracts.Serving;
using Grains.Testing;
using Orleans.Storage;
using Xunit.Abstractions;

namespace Grains.Silo.Tests.Processes;

/// <summary>
/// Redis (membership, state, directory) goes away and comes back: calls may fail meanwhile, with failures a caller can
/// act on, but no call returns wrong data, no silo is declared dead, and no acknowledged write is lost.
/// </summary>
[Trait("Category", "Integration")]
[Collection(SiloProcessCollection.Name)]
public sealed class RedisRestartTests(ITestOutputHelper output)
{
    private const int CartCount = 10;
    private const int MaxCallsPerWorker = 2_000;

    /// <summary>
    /// Longer than the quickest death declaration (2 missed probes of 1 s): long enough to tempt a silo into declaring
    /// its peers dead, had it taken the store's silence for theirs.
    /// </summary>
    private static readonly TimeSpan s_outage = TimeSpan.FromSeconds(3);

    private static readonly string[] s_skus = ["TEA-003", "KIT-001", "SNK-002"];

    /// <summary>
    /// What a call may fail with while the store is away: the store did not confirm a state (the outcome of a write is
    /// unknown), the silo could not renew its lease, nobody answered in time, or a write met a newer version.
    /// </summary>
    private static readonly HashSet<Type> s_unavailable =
        [typeof(StorageUnavailableException), typeof(SiloLeaseExpiredException), typeof(TimeoutException), typeof(InconsistentStateException)];

    [Fact]
    public async Task After_a_redis_restart_every_silo_is_still_a_member_and_every_acknowledged_write_is_there()
    {
        await using var cluster = await SiloCluster.StartAsync(new SiloClusterOptions { SiloCount = 3, AppendOnlyRedis = true }, output);
        var ledger = new CartLedger();
        var carts = Enumerable.Range(0, CartCount).Select(i => string.Create(CultureInfo.InvariantCulture, $"outage-{i}")).ToList();
        var answered = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var failures = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var unexpected = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();

        // One worker per cart, adding and reading in turn, each call made once; every answer is checked against what is
        // known of the cart.
        async Task WorkAsync(string cart)
        {
            for (var call = 0; call < MaxCallsPerWorker && !stop.IsCancellationRequested; call++)
            {
                var sku = s_skus[call / 2 % s_skus.Length];
                var isAdd = call % 2 == 0;
                try
                {
                    var served = isAdd ? await cluster.AddItemAsync(cart, sku, retryNotRun: false) : await cluster.GetCartAsync(cart, retryNotRun: false);
                    if (isAdd)
                    {
                        ledger.Acknowledged(cart, sku);
                    }

                    if (ledger.Check(served.Value) is { } wrong)
                    {
                        unexpected.Enqueue($"{(isAdd ? "add" : "read")} answered by {served.Silo}: {wrong}");
                    }

                    answered.AddOrUpdate(cart, 1, (_, n) => n + 1);
                }
                catch (Exception ex)
                {
                    if (isAdd && ex is not SiloLeaseExpiredException { OutcomeUnknown: false })
                    {
                        ledger.Unknown(cart, sku);
                    }

                    failures.AddOrUpdate(ex.GetType().Name, 1, (_, n) => n + 1);
                    if (!s_unavailable.Contains(ex.GetType()))
                    {
                        unexpected.Enqueue($"{(isAdd ? "add" : "read")} failed with {ex.GetType()}: {ex.Message}");
                    }

                    // The store is away: do not spin.
                    await Task.Delay(50);
                }
            }
        }

        var workers = carts.Select(cart => Task.Run(() => WorkAsync(cart))).ToList();
        try
        {
            await Poll.UntilAsync(() => carts.All(c => ledger.AcknowledgedAdds(c) >= 2), TimeSpan.FromSeconds(60), "every cart to have taken 2 adds");

            await cluster.Redis.KillAsync();
            await Task.Delay(s_outage);
            var restartedAt = Stopwatch.GetTimestamp();
            await cluster.Redis.RestartAsync();
            var answeredAtRestart = carts.ToDictionary(c => c, c => answered.GetValueOrDefault(c), StringComparer.Ordinal);
            await Poll.UntilAsync(
                () => carts.All(c => answered.GetValueOrDefault(c) >= answeredAtRestart[c] + 4),
                TimeSpan.FromSeconds(90),
                "every cart to answer 4 more calls after Redis restarted");
            var recoveredAfter = Stopwatch.GetElapsedTime(restartedAt);
            await stop.CancelAsync();
            await Task.WhenAll(workers);

            Assert.True(unexpected.IsEmpty, string.Join(Environment.NewLine, unexpected.Take(20)));
            Assert.All(cluster.Silos, s => Assert.False(s.HasExited, $"{s.Name} exited with code {(s.HasExited ? s.ExitCode : 0)}:{Environment.NewLine}{s.RecentOutput}"));
            var members = await cluster.ReadMembershipAsync();
            Assert.Equal(cluster.Silos.Select(s => s.Name).Order(), members.Where(m => m.Status == MembershipRow.Active).Select(m => m.Name).Order());
            Assert.DoesNotContain(members, m => m.Status == MembershipRow.Dead);
            foreach (var cart in carts)
            {
                Assert.Null(ledger.Check((await cluster.ReadUntilAnsweredAsync(cart, TimeSpan.FromSeconds(30))).Value));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Redis down for {s_outage.TotalSeconds:0} s; every cart answered again {recoveredAfter.TotalMilliseconds:0} ms after the restart; " +
                $"{carts.Sum(ledger.AcknowledgedAdds)} adds acknowledged; failed calls: {(failures.IsEmpty ? "none" : string.Join(", ", failures.Select(f => $"{f.Key} x{f.Value}")))}."));
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        }
    }
}
