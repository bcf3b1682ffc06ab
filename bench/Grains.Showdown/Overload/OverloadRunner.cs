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
/// The product under more load than it can serve: two silos behind the gateway. A closed loop measures the capacity
/// for reads; then open-loop phases offer reads at multiples of it (every request sent on schedule, timed from when it
/// was due), and after each phase the membership table is read for silos declared dead, and the silos' logs for lease
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
        var closed = new LoadGenerator(client, users.Take(settings.CapacityUsers).ToList(), 2, skus, seed: 23);
        await new LoadGenerator(client, users, 1, skus, seed: 23).SignInAllAsync();
        await progress.WriteLineAsync(
            $"{settings.Users} users signed in; admission control {(settings.Admission ? "on" : "off")}; warming up for {settings.Warmup.TotalSeconds:0} s");
        await closed.RunAsync(settings.Warmup, 0, new KillClock(), cancellationToken);
        var measured = await closed.RunAsync(settings.CapacityDuration, 0, new KillClock(), cancellationToken);
        var capacity = measured.Reads.RequestsPerSecond;
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"capacity (closed loop, 64 in flight, reads): {capacity:0} req/s, p99 {measured.Reads.P99Ms:0.00} ms"));

        using var store = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var roster = new ClusterRoster(store, deployment.ClusterId, deployment.ClusterId);
        var open = new OpenLoopGenerator(client, users, skus, seed: 29);
        var phases = new List<OverloadPhase>();
        foreach (var factor in settings.Factors)
        {
            var lapsesBefore = Volatile.Read(ref lapses);
            var result = await open.RunAsync(Operation.Read, factor * capacity, settings.PhaseDuration, cancellationToken);
            var dead = (await roster.ReadMembershipAsync()).Count(r => r.Status == MembershipStatus.Dead);
            var phase = new OverloadPhase(factor, result, dead, Volatile.Read(ref lapses) - lapsesBefore);
            phases.Add(phase);
            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{factor,4:0.0}x ({result.OfferedRps:0} req/s offered): {result.Answered.RequestsPerSecond:0} answered 2xx/s, "
                + $"p50 {result.Answered.P50Ms:0.00} ms, p99 {result.Answered.P99Ms:0.00} ms; shed {phase.Shed}, other failures {phase.OtherFailures}; "
                + $"dead silos {dead}, lease lapses {phase.LeaseLapses}; full service after {phase.SecondsToFullService()?.ToString(CultureInfo.InvariantCulture) ?? "never"} s; "
                + $"failures by status: {string.Join(", ", result.Failures.OrderBy(f => f.Key).Select(f => $"{f.Key}: {f.Value}"))}"));
            deployment.EnsureRunning();
        }

        var loadAtEnd = Machine.LoadAverage();
        await progress.WriteLineAsync($"Done; load average {loadAtEnd}");
        return new OverloadRun(Machine.Describe(), loadAtStart, loadAtEnd, capacity, phases);
    }
}
