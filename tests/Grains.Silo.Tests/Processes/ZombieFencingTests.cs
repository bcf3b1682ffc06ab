using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Grains.Shop.Contracts.Serving;
using Grains.Silo.ActivationJournal;
using Grains.Testing;
using Xunit.Abstractions;

namespace Grains.Silo.Tests.Processes;

/// <summary>
/// A silo paused with SIGSTOP (a zombie: its sockets stay open, it answers nothing) is declared dead and its carts get
/// new activations on the survivors. When it runs on, calls that waited in its queues must not complete on its old
/// activations: that is what the lease is for. The activation journals of all silos are the evidence.
/// </summary>
[Trait("Category", "Integration")]
[Collection(SiloProcessCollection.Name)]
public sealed class ZombieFencingTests(ITestOutputHelper output)
{
    private const string ActivatingSku = "TEA-001";
    private const string QueuedSku = "COF-001";
    private const string AfterwardsSku = "MUG-002";

    [Fact]
    public async Task A_resumed_zombie_answers_no_call_on_its_old_activations_after_new_ones_started_and_exits_by_itself()
    {
        var run = await PauseServeElsewhereAndResumeAsync(fencing: true);

        Assert.True(run.StaleAnswers.Count == 0, "answers after a newer activation started serving:" + Environment.NewLine + string.Join(Environment.NewLine, run.StaleAnswers));
        Assert.True(run.FailedAddsAfterwards.Count == 0, "adds on the new activations failed: " + string.Join(", ", run.FailedAddsAfterwards));
        Assert.True(run.WrongCarts.Count == 0, string.Join(Environment.NewLine, run.WrongCarts));
    }

    /// <summary>
    /// The same scenario with the lease turned off: the resumed zombie runs the calls queued while it was paused on its
    /// old activations and answers them (its writes even succeed when the new activation has not written yet). This
    /// shows both that the lease is what prevents stale answers and that the journal check can fail.
    /// </summary>
    [Fact]
    public async Task Without_the_lease_the_resumed_zombie_answers_calls_on_its_old_activations_after_new_ones_started()
    {
        var run = await PauseServeElsewhereAndResumeAsync(fencing: false);

        Assert.NotEmpty(run.StaleAnswers);
    }

    private async Task<ZombieRun> PauseServeElsewhereAndResumeAsync(bool fencing)
    {
        await using var cluster = await SiloCluster.StartAsync(
            new SiloClusterOptions { SiloCount = 3, Journal = true, SiloArguments = fencing ? [] : ["--Fencing:Enabled=false"] },
            output);
        var ledger = new CartLedger();
        var placement = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < 24; i++)
        {
            var cart = string.Create(CultureInfo.InvariantCulture, $"zombie-{i}");
            placement[cart] = (await cluster.AddItemAsync(cart, ActivatingSku)).Silo;
            ledger.Acknowledged(cart, ActivatingSku);
        }

        var zombieName = placement.Values.GroupBy(s => s, StringComparer.Ordinal).MaxBy(g => g.Count())!.Key;
        var zombie = cluster.Silo(zombieName);
        var zombieCarts = placement.Where(p => p.Value == zombieName).Select(p => p.Key).ToList();

        zombie.Pause();
        var pausedAt = Stopwatch.GetTimestamp();
        await Poll.UntilAsync(() => ProcessStates.IsStopped(zombie.Id), TimeSpan.FromSeconds(10), $"every thread of {zombie} to stop on SIGSTOP");

        // Sent while it is paused: these reach the zombie's activations and wait in its sockets and queues.
        var outcomes = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var queued = zombieCarts.SelectMany(cart => new[]
        {
            RecordOutcomeAsync(outcomes, "add", async () =>
            {
                try
                {
                    var added = await cluster.AddItemAsync(cart, QueuedSku, retryNotRun: false);
                    ledger.Acknowledged(cart, QueuedSku);
                    return added.Silo;
                }
                catch (Exception ex) when (ex is not SiloLeaseExpiredException { OutcomeUnknown: false })
                {
                    ledger.Unknown(cart, QueuedSku);
                    throw;
                }
            }),
            RecordOutcomeAsync(outcomes, "read", async () => (await cluster.GetCartAsync(cart, retryNotRun: false)).Silo),
        }).ToList();

        // The survivors declare the zombie dead and serve its carts from new activations, with every acknowledged line.
        var failures = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        await Task.WhenAll(zombieCarts.Select(async cart =>
        {
            var read = await cluster.ReadUntilAnsweredAsync(cart, TimeSpan.FromSeconds(60), failures);
            Assert.True(read.Silo != zombieName, string.Create(CultureInfo.InvariantCulture,
                $"{cart} was read from the paused {zombieName} {Stopwatch.GetElapsedTime(pausedAt).TotalMilliseconds:0} ms after SIGSTOP (stopped now: {ProcessStates.IsStopped(zombie.Id)})"));
            Assert.Null(ledger.Check(read.Value));
        }));
        var servedElsewhereAfter = Stopwatch.GetElapsedTime(pausedAt);
        Assert.Equal(MembershipRow.Dead, (await cluster.MembershipOfAsync(zombieName))?.Status);

        zombie.Resume();
        Assert.True(await zombie.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the resumed zombie did not exit by itself:" + Environment.NewLine + zombie.RecentOutput);
        var exitCode = zombie.ExitCode;
        Assert.True(exitCode != 0, "the resumed zombie stopped as if asked to (exit code 0):" + Environment.NewLine + zombie.RecentOutput);
        await Task.WhenAll(queued).WaitAsync(TimeSpan.FromSeconds(60));

        // The new activations hold the current state: their next write succeeds, and the carts hold what was acknowledged.
        var failedAddsAfterwards = new List<string>();
        var wrongCarts = new List<string>();
        foreach (var cart in zombieCarts)
        {
            try
            {
                var added = await cluster.AddItemAsync(cart, AfterwardsSku, retryNotRun: false);
                ledger.Acknowledged(cart, AfterwardsSku);
                wrongCarts.Add(ledger.Check(added.Value) ?? string.Empty);
            }
            catch (Exception ex)
            {
                ledger.Unknown(cart, AfterwardsSku);
                failedAddsAfterwards.Add($"{cart}: {ex.GetType().Name}");
            }

            wrongCarts.Add(ledger.Check((await cluster.ReadUntilAnsweredAsync(cart, TimeSpan.FromSeconds(30))).Value) ?? string.Empty);
        }

        wrongCarts.RemoveAll(string.IsNullOrEmpty);

        var journal = ActivationJournalEntry.ReadAll(cluster.JournalDirectory!);
        var activations = StaleAnswers.ActivationsPerGrain(journal);
        Assert.All(zombieCarts, cart => Assert.True(
            journal.Any(e => e.Kind == ActivationJournalEntryKind.Started && e.Grain == $"cart/{cart}" && e.Silo != zombieName),
            $"the journal shows no activation of {cart} on a survivor"));
        var stale = StaleAnswers.Find(journal);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Fencing {(fencing ? "on" : "off")}: {zombieCarts.Count} carts of {zombieName} served by survivors {servedElsewhereAfter.TotalMilliseconds:0} ms after SIGSTOP " +
            $"(failed or abandoned reads on the way: {Describe(failures)}); the zombie exited with code {exitCode} after SIGCONT."));
        output.WriteLine($"Calls made while it was paused: {Describe(outcomes)}.");
        output.WriteLine($"Activations per zombie cart: {string.Join(", ", zombieCarts.Select(c => activations.GetValueOrDefault($"cart/{c}")))}; stale answers in the journals: {stale.Count}.");
        output.WriteLine($"Adds on the new activations that failed: {(failedAddsAfterwards.Count == 0 ? "none" : string.Join(", ", failedAddsAfterwards))}; wrong carts read: {(wrongCarts.Count == 0 ? "none" : string.Join("; ", wrongCarts))}.");
        foreach (var line in stale.Take(10))
        {
            output.WriteLine("  " + line);
        }

        return new ZombieRun(stale, failedAddsAfterwards, wrongCarts);
    }

    /// <summary>Counts how the call ended: the silo that answered, or the exception's type.</summary>
    private static async Task RecordOutcomeAsync(ConcurrentDictionary<string, int> outcomes, string kind, Func<Task<string>> call)
    {
        string outcome;
        try
        {
            outcome = $"{kind} answered by {await call()}";
        }
        catch (SiloLeaseExpiredException ex)
        {
            outcome = $"{kind} refused by the lease ({(ex.OutcomeUnknown ? "outcome unknown" : "not run")})";
        }
        catch (Exception ex)
        {
            outcome = $"{kind} failed with {ex.GetType().Name}";
        }

        outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
    }

    private static string Describe(ConcurrentDictionary<string, int> counts) =>
        counts.IsEmpty ? "none" : string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} x{c.Value}"));
}
