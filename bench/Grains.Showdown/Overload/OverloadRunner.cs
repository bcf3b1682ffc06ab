using System.Globalization;
using Grains.Hosting.Cluster;
using Grains.Shop.Catalog;
using Grains.Showdown.Architectures;
using Grains.Showdown.Load;
using Grains.Showdown.Measuring;
using Grains.Testing;
using StackExchange.Redis;

namespace Grains.Showdown.Overload;

/// <summary>
/// The product under more load than it can serve: two silos behind the gateway. A closed loop measures how many reads
/// the cluster serves when they come 64 at a time, and a search of open-loop rates, from 0.3x that up by 15 % a step,
/// the highest rate it serves whole: its capacity for the phases' load. Then open-loop phases offer reads at multiples
/// of it (every request sent on schedule, timed from when it was due), and after each phase the membership table is read for silos declared dead, and the silos' logs for lease
/// lapses.
/// </summary>
internal static class OverloadRunner
{
    /// <summary>What the silos log when their lease ran out (<c>SiloLeaseRenewer</c>): each line is one lapse.</summary>
    private static readonly string[] s_lapseLines = ["lease had run out", "Could not renew the silo's lease"];

    public static async Task<OverloadRun> RunAsync(OverloadSettings settings, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(progress);
        var loadAtStart = Machine.LoadAverage();
        await progress.WriteLineAsync($"Machine: {Machine.Describe()}; load average {loadAtStart}");
        await using var redis = await RedisServer.StartAsync(cancellationToken: cancellationToken);
        await using var deployment = new Deployment($"overload-{Guid.NewGuid():N}"[..32]);

        // Answers are held to 10 s: a request that waits longer counts as failed, as a client would give up on it.
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = OpenLoopGenerator.MaxInFlight }) { Timeout = TimeSpan.FromSeconds(10) };
        var admission = new Dictionary<string, string> { ["Admission__Enabled"] = settings.Admission ? "true" : "false" };
        var cluster = await ShowdownServers.StartSilosAsync(deployment, redis.ConnectionString, cancellationToken, environment: admission);
        await ShowdownServers.StartGatewayAsync(deployment, cluster, http, cancellationToken, admission);
        var lapses = 0;
        foreach (var silo in deployment.Processes.Where(p => p.Name.StartsWith("silo", StringComparison.Ordinal)))
        {
            silo.LineWritten += line =>
            {
                if (s_lapseLines.Any(l => line.Contains(l, StringComparison.Ordinal)))
                {
                    Interlocked.Increment(ref lapses);
                }
            };
        }

        var client = new ShopClient(http, deployment.Entry);
        var skus = ProductCatalog.LoadEmbedded().Products.Select(p => p.Sku).ToList();
        var users = Enumerable.Range(1, settings.Users).Select(i => new ShopUser(string.Create(CultureInfo.InvariantCulture, $"user-{i:D3}"))).ToList();
        await using var counters = await RedisCounters.ConnectAsync(redis.ConnectionString);
        int[] servers = [.. deployment.Processes.Select(p => p.Id), await counters.ProcessIdAsync()];
        var closed = new LoadGenerator(client, users.Take(settings.CapacityUsers).ToList(), 2, skus, seed: 23);
        await new LoadGenerator(client, users, 1, skus, seed: 23).SignInAllAsync();
        await progress.WriteLineAsync(
            $"{settings.Users} users signed in; admission control {(settings.Admission ? "on" : "off")}; warming up for {settings.Warmup.TotalSeconds:0} s");
        await closed.RunAsync(settings.Warmup, 0, new KillClock(), cancellationToken);
        var (measured, closedCpu) = await CpuUse.MeasureAsync(servers, () => closed.RunAsync(settings.CapacityDuration, 0, new KillClock(), cancellationToken));
        var closedCapacity = measured.Reads.RequestsPerSecond;
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"closed loop (64 in flight, reads): {closedCapacity:0} req/s, p99 {measured.Reads.P99Ms:0.00} ms; {closedCpu}"));

        using var store = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var roster = new ClusterRoster(store, deployment.ClusterId, deployment.ClusterId);
        var open = new OpenLoopGenerator(client, users, skus, seed: 29);

        // The phases offer an open loop, where requests arrive spread out rather than 64 at a time, and each costs the
        // servers more CPU (more wake-ups per request): their capacity is the highest open-loop rate served whole.
        // The first open-loop run of a process always met a stall (p99 near 200 ms, some requests refused, at a third of
        // the closed loop's rate; none in later runs at higher rates): it grows the connection pools and the load
        // generator's heap. It is run once, unmeasured, so that the search starts from a settled state.
        var settling = await open.RunAsync(Operation.Read, closedCapacity * OverloadSettings.FirstProbe, settings.ProbeDuration, cancellationToken);
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"open loop settling at {settling.OfferedRps:0} req/s (not measured): p99 {settling.Answered.P99Ms:0.00} ms, {settling.FailedRequests} failed, sent late p99 {settling.SentLate.P99Ms:0.00} ms"));
        var probes = new List<CapacityProbe>();
        for (var rate = closedCapacity * OverloadSettings.FirstProbe; rate <= closedCapacity * 2; rate *= OverloadSettings.ProbeStep)
        {
            var (result, cpu) = await CpuUse.MeasureAsync(servers, () => open.RunAsync(Operation.Read, rate, settings.ProbeDuration, cancellationToken));
            var probe = new CapacityProbe(rate, result, cpu);
            probes.Add(probe);
            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"open-loop probe at {rate:0} req/s: {result.Answered.RequestsPerSecond:0} answered 2xx/s, p99 {result.Answered.P99Ms:0.00} ms, {result.FailedRequests} failed, sent late p99 {result.SentLate.P99Ms:0.00} ms; {cpu}{(probe.ServedWhole ? string.Empty : "; not served whole")}"));
            if (!probe.ServedWhole)
            {
                break;
            }
        }

        var capacity = probes.LastOrDefault(p => p.ServedWhole)?.Rate ?? probes[0].Result.Answered.RequestsPerSecond;
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"capacity (open loop, served whole): {capacity:0} req/s"));

        // The last probe overloaded the cluster: let it drain before the reference phase.
        await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        var phases = new List<OverloadPhase>();
        foreach (var factor in settings.Factors)
        {
            var lapsesBefore = Volatile.Read(ref lapses);
            var (result, cpu) = await CpuUse.MeasureAsync(servers, () => open.RunAsync(Operation.Read, factor * capacity, settings.PhaseDuration, cancellationToken));
            var dead = (await roster.ReadMembershipAsync()).Count(r => r.Status == MembershipStatus.Dead);
            var phase = new OverloadPhase(factor, result, dead, Volatile.Read(ref lapses) - lapsesBefore, cpu);
            phases.Add(phase);
            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{factor,4:0.0}x ({result.OfferedRps:0} req/s offered): {result.Answered.RequestsPerSecond:0} answered 2xx/s, "
                + $"p50 {result.Answered.P50Ms:0.00} ms, p99 {result.Answered.P99Ms:0.00} ms; shed {phase.Shed}, other failures {phase.OtherFailures}; "
                + $"dead silos {dead}, lease lapses {phase.LeaseLapses}; {cpu}; full service after {phase.SecondsToFullService()?.ToString(CultureInfo.InvariantCulture) ?? "never"} s; "
                + $"failures by status: {string.Join(", ", result.Failures.OrderBy(f => f.Key).Select(f => $"{f.Key}: {f.Value}"))}"));
            deployment.EnsureRunning();
        }

        var loadAtEnd = Machine.LoadAverage();
        await progress.WriteLineAsync($"Done; load average {loadAtEnd}");
        return new OverloadRun(
            Machine.Describe(), loadAtStart, loadAtEnd, capacity, closedCapacity, closedCpu, probes, phases);
    }
}
