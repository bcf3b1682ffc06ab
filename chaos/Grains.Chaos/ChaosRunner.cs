using System.Diagnostics;
using System.Globalization;
using Grains.Chaos.Checking;
using Grains.Chaos.Cluster;
using Grains.Chaos.Nemesis;
using Grains.Chaos.Reporting;
using Grains.Chaos.Workload;

namespace Grains.Chaos;

/// <summary>
/// One chaos run: start the cluster, sign the users in, run the workload while the nemesis injects faults, let the
/// cluster heal, read every user's final state, and check the history against it and against the activation journal.
/// Every process is stopped at the end, whatever happened: also when the run is cancelled (Ctrl-C or SIGTERM), which
/// ends the faults, skips the checks and throws <see cref="OperationCanceledException"/> after the cluster is stopped.
/// </summary>
public static class ChaosRunner
{
    private static readonly TimeSpan s_finalReadTimeout = TimeSpan.FromSeconds(60);

    /// <param name="history">Where to write the history as JSON lines; none when null.</param>
    public static async Task<ChaosReport> RunAsync(ChaosSettings settings, TextWriter log, string? history = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);
        var runId = "chaos-" + Guid.NewGuid().ToString("N")[..8];
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        await using var cluster = await ChaosCluster.StartAsync(settings.Cluster, runId, log);
        using var workload = new ShopWorkload(cluster.GatewayUrls, settings.Workload, settings.Seed);
        await workload.PrepareAsync(runId);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{settings.Workload.Users} users signed in; faults for {settings.Duration.TotalSeconds:0} s"));

        var nemesis = new FaultInjector(cluster, settings.Nemesis, settings.Seed, log);
        workload.Start();
        try
        {
            await nemesis.RunAsync(settings.Duration, cancellationToken);
            await Task.Delay(settings.CalmTail, cancellationToken);
        }
        finally
        {
            await workload.StopAsync();
        }

        cancellationToken.ThrowIfCancellationRequested();
        await log.WriteLineAsync("faults stopped; reading the final state");
        var healthy = await nemesis.HealAsync();
        var finalStates = await workload.ReadFinalStatesAsync(s_finalReadTimeout);
        var journal = cluster.ReadJournal();

        var operations = workload.History.Operations;
        if (history is not null)
        {
            await HistoryFile.WriteAsync(history, operations);
        }

        var cart = CartChecker.Check(operations, finalStates);
        var intervals = ActivationChecker.Intervals(journal);
        var activations = ActivationChecker.Check(intervals);
        var faults = nemesis.Faults;
        var failovers = FailoverMeasure.Measure(faults, intervals, operations, workload.History.SessionUsers);
        var crashes = cluster.Crashes;
        var invariants = Invariants(cart, activations, nemesis, crashes, healthy, operations);
        var valid = invariants.All(i => i.Holds);
        return new ChaosReport(
            runId,
            new RunSettings(
                settings.Mode, settings.Seed, settings.Duration.TotalSeconds, settings.Workload.Users, settings.Cluster.Silos, settings.Cluster.Gateways,
                settings.Nemesis.Faults, settings.Nemesis.Interval.TotalSeconds, settings.Nemesis.PauseDuration.TotalSeconds, settings.Workload.ThinkTime.TotalMilliseconds),
            startedAt,
            clock.Elapsed.TotalSeconds,
            valid,
            invariants,
            cart,
            activations,
            AvailabilityMeasure.Measure(operations, faults),
            failovers.Where(f => f.Milliseconds is not null).GroupBy(f => f.Kind).OrderBy(g => g.Key)
                .ToDictionary(g => g.Key.ToString(), g => Distribution.Of(g.Select(f => (double)f.Milliseconds!.Value)), StringComparer.Ordinal),
            failovers,
            faults,
            nemesis.UnexpectedExits,
            crashes,
            valid ? null : cluster.RecentOutput());
    }

    private static List<Invariant> Invariants(
        CartCheck cart, ActivationCheck activations, FaultInjector nemesis, IReadOnlyList<ProcessCrash> crashes, bool healthy, IReadOnlyList<Operation> operations)
    {
        var faults = nemesis.Faults;
        return
        [
            new("lost acknowledged writes", cart.LostAcknowledgedWrites, 0),
            new("unexpected or duplicated applications", cart.UnexpectedApplications, 0),
            new("duplicate activations", activations.DuplicateActivations, 0),
            new("stale reads", cart.StaleReads, 0),
            new("users whose final state could not be read", cart.UnreadableUsers, 0),
            new("resumed zombies that kept running", faults.Count(f => f.Kind == FaultKind.Pause && f.ExitedBySelf == false), 0),
            new("graceful stops that did not finish", faults.Count(f => f.Kind == FaultKind.Terminate && f.ExitedBySelf == false), 0),
            new("faults the cluster did not heal from", faults.Count(f => f.HealthyAt is null) + (healthy ? 0 : 1), 0),
            new("processes that stopped without a fault", nemesis.UnexpectedExits.Count, 0),
            // A crash ends a process with the same exit code as Orleans' FailFast of a zombie: counted apart, so that a
            // zombie that crashed is not taken for one that stopped because it was told it is dead.
            new("processes that crashed (unhandled exception)", crashes.Count, 0),
            new("acknowledged operations (the workload ran)", operations.Count(o => o.Outcome == Outcome.Ok), 1, AtLeast: true),
            new("faults injected", faults.Count, 1, AtLeast: true),
        ];
    }
}
