using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Grains.Shop.Catalog;
using Grains.Showdown.Architectures;
using Grains.Showdown.Load;
using Grains.Showdown.Measuring;
using Grains.Showdown.Reporting;
using Grains.Testing;

namespace Grains.Showdown;

/// <summary>
/// Starts one redis-server on a free loopback port, then each architecture in turn against it: starts its processes,
/// signs the users in, warms up, measures saturation (closed-loop read and write phases), latency at a fixed offered
/// rate (open loop), 16 writers on one shared cart and reads of 50-line carts, then kills one server process in the
/// middle of a mixed phase, reads every cart back, stops its processes and empties Redis. Writes the three files.
/// </summary>
internal static class ShowdownRunner
{
    public static readonly string[] OutputFiles = ["showdown.md", "showdown.svg", "showdown.json"];

    /// <summary>Every architecture, in the order of the report.</summary>
    public static readonly string[] ArchitectureNames = ["stateful", "stateless", "orleans", "orleans-client"];

    /// <summary>The order they run in by default: the stateless architecture first, as its throughput sets the fixed rate.</summary>
    public static readonly string[] DefaultRunOrder = ["stateless", "stateful", "orleans", "orleans-client"];

    private const int Seed = 11;
    private static readonly TimeSpan s_pauseBetweenCartReads = TimeSpan.FromMilliseconds(250);
    private const int CartReadAttempts = 40;

    public static async Task<ShowdownReport> RunAsync(ShowdownSettings settings, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(progress);
        Directory.CreateDirectory(settings.OutputDirectory);
        var machine = Machine.Describe();
        var date = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var loadAtStart = Machine.LoadAverage();
        await progress.WriteLineAsync($"Machine: {machine}; load average {loadAtStart}");
        var skus = ProductCatalog.LoadEmbedded().Products.Select(p => p.Sku).ToList();

        await progress.WriteLineAsync("Starting redis-server...");
        await using var redis = await RedisServer.StartAsync(cancellationToken: cancellationToken);
        await using var counters = await RedisCounters.ConnectAsync(redis.ConnectionString);
        var redisPid = await counters.ProcessIdAsync();
        using var http = CreateHttpClient();

        IArchitecture[] all = [new StatelessArchitecture(), new StatefulArchitecture(), new OrleansArchitecture(), new OrleansClientArchitecture()];
        var architectures = settings.Architectures.Select(name => all.Single(a => a.Name == name)).ToList();
        var offered = settings.OfferedRps;
        var runs = new List<ArchitectureRun>();
        foreach (var architecture in architectures)
        {
            var run = await RunArchitectureAsync(architecture, settings, offered, redis.ConnectionString, redisPid, counters, http, skus, progress, cancellationToken);
            runs.Add(run);
            offered ??= run.Figures.FixedRate.OfferedRps;
            await counters.FlushAsync();
        }

        runs = [.. runs.OrderBy(r => Array.IndexOf(ArchitectureNames, r.Figures.Name))];
        var loadAtEnd = Machine.LoadAverage();
        await progress.WriteLineAsync($"Done; load average {loadAtEnd}");
        var report = new ShowdownReport([.. runs.Select(r => r.Figures)], machine, date, settings.Command, loadAtStart, loadAtEnd);
        await File.WriteAllTextAsync(Path.Combine(settings.OutputDirectory, "showdown.json"), JsonSerializer.Serialize(report, ShowdownJsonContext.Default.ShowdownReport) + "\n", cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(settings.OutputDirectory, "showdown.svg"), SvgChart.Draw(report), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(settings.OutputDirectory, "showdown.md"), MarkdownReport.Write(report, runs, settings), cancellationToken);
        return report;
    }

    private static async Task<ArchitectureRun> RunArchitectureAsync(
        IArchitecture architecture,
        ShowdownSettings settings,
        double? offered,
        string redis,
        int redisPid,
        RedisCounters counters,
        HttpClient http,
        IReadOnlyList<string> skus,
        TextWriter progress,
        CancellationToken cancellationToken)
    {
        await progress.WriteLineAsync($"[{architecture.Name}] starting: {architecture.Shape}");
        await using var deployment = new Deployment($"showdown-{architecture.Name}-{Guid.NewGuid():N}"[..32]);
        await architecture.StartAsync(deployment, redis, http, cancellationToken);
        var client = new ShopClient(http, deployment.Entry);
        var users = Enumerable.Range(1, settings.Users).Select(i => new ShopUser(string.Create(CultureInfo.InvariantCulture, $"user-{i:D3}"))).ToList();
        var load = new LoadGenerator(client, users, settings.WorkersPerUser, skus, Seed);
        await load.SignInAllAsync();
        var noKill = new KillClock();

        await progress.WriteLineAsync($"[{architecture.Name}] warming up for {settings.WarmUp.TotalSeconds:0} s ({settings.Workers} requests in flight, {settings.Users} users)");
        await load.RunAsync(settings.WarmUp, ShowdownSettings.WriteShare, noKill, cancellationToken);
        deployment.EnsureRunning();

        int[] pids = [.. deployment.Processes.Select(p => p.Id), redisPid];
        var names = deployment.Processes.ToDictionary(p => p.Id, p => p.Name);
        names[redisPid] = "redis-server";
        var readCpu = new CpuByProcess(names);
        var writeCpu = new CpuByProcess(names);
        var cpuSeen = new Dictionary<int, TimeSpan>();
        var cpuBefore = ProcessCpu.Total(pids, cpuSeen);
        var opsBefore = await counters.CommandsAsync();
        var retriesBefore = await WriteRetriesAsync(http, deployment, cancellationToken);
        var readPhases = new List<PhaseResult>();
        var writePhases = new List<PhaseResult>();
        for (var round = 0; round < settings.Rounds; round++)
        {
            // Reads first in even rounds, writes first in odd ones.
            foreach (var write in round % 2 == 0 ? new[] { false, true } : [true, false])
            {
                var phase = await (write ? writeCpu : readCpu).MeasureAsync(
                    () => load.RunAsync(write ? settings.WritePhase : settings.ReadPhase, write ? 1 : 0, noKill, cancellationToken));
                (write ? writePhases : readPhases).Add(phase);
                await progress.WriteLineAsync(Line(architecture, string.Create(CultureInfo.InvariantCulture, $"round {round + 1} {(write ? "writes" : "reads")}"), write ? phase.Writes : phase.Reads, phase.FailedRequests));
            }
        }

        var reads = PhaseResult.Combine(readPhases);
        await progress.WriteLineAsync(Line(architecture, "reads", reads.Reads, reads.FailedRequests));
        var writes = PhaseResult.Combine(writePhases);
        await progress.WriteLineAsync(Line(architecture, "writes", writes.Writes, writes.FailedRequests));
        var cpu = ProcessCpu.Total(pids, cpuSeen) - cpuBefore;
        var ops = await counters.CommandsAsync() - opsBefore;
        var retries = await WriteRetriesAsync(http, deployment, cancellationToken) - retriesBefore;
        deployment.EnsureRunning();
        var requests = reads.Requests + writes.Requests;

        // Latency at a fixed offered rate: half of what the stateless architecture sustained (it runs first).
        var rate = offered ?? Math.Max(10, Math.Round(ShowdownSettings.FixedRateShare * Math.Min(reads.Reads.RequestsPerSecond, writes.Writes.RequestsPerSecond) / 10) * 10);
        var steady = Enumerable.Range(1, settings.FixedRateUsers).Select(i => new ShopUser(string.Create(CultureInfo.InvariantCulture, $"steady-{i:D4}"))).ToList();
        await new LoadGenerator(client, steady, 1, skus, Seed).SignInAllAsync();
        await ReadEachCartOnceAsync(client, steady, cancellationToken);
        var open = new OpenLoopGenerator(client, steady, skus, Seed);
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[{architecture.Name}] open loop at {rate:0} requests/s over {steady.Count} users for {settings.FixedRatePhase.TotalSeconds:0} s each: reads, then adds"));
        var fixedReads = await open.RunAsync(Operation.Read, rate, settings.FixedRatePhase, cancellationToken);
        await progress.WriteLineAsync(Line(architecture, "reads at the fixed rate", fixedReads.Answered, fixedReads.FailedRequests) + SentLate(fixedReads));
        var fixedWrites = await open.RunAsync(Operation.Write, rate, settings.FixedRatePhase, cancellationToken);
        await progress.WriteLineAsync(Line(architecture, "adds at the fixed rate", fixedWrites.Answered, fixedWrites.FailedRequests) + SentLate(fixedWrites));
        deployment.EnsureRunning();

        // One cart, 16 writers: compare-and-set retries against turn-based grains.
        var shared = new ShopUser($"shared-{architecture.Name}");
        var sharedLoad = new LoadGenerator(client, [shared], ShowdownSettings.SharedCartWriters, skus, Seed);
        await sharedLoad.SignInAllAsync();
        var sharedRetriesBefore = await WriteRetriesAsync(http, deployment, cancellationToken);
        var sharedPhase = await sharedLoad.RunAsync(settings.SharedCartPhase, 1, noKill, cancellationToken);
        var sharedRetries = await WriteRetriesAsync(http, deployment, cancellationToken) - sharedRetriesBefore;
        await progress.WriteLineAsync(Line(architecture, $"adds to one cart by {ShowdownSettings.SharedCartWriters} writers", sharedPhase.Writes, sharedPhase.FailedRequests));

        // Carts of 50 lines, read.
        var large = Enumerable.Range(1, settings.LargeCartUsers).Select(i => new ShopUser(string.Create(CultureInfo.InvariantCulture, $"large-{i:D3}"))).ToList();
        var largeLoad = new LoadGenerator(client, large, settings.WorkersPerUser, skus, Seed);
        await largeLoad.SignInAllAsync();
        await FillCartsAsync(client, large, skus);
        var largePhase = await largeLoad.RunAsync(settings.LargeCartPhase, 0, noKill, cancellationToken);
        await progress.WriteLineAsync(Line(architecture, $"reads of {ShowdownSettings.LargeCartLines}-line carts", largePhase.Reads, largePhase.FailedRequests));
        deployment.EnsureRunning();

        await progress.WriteLineAsync($"[{architecture.Name}] mixed load; kill -9 of {deployment.Victim} after {settings.BeforeKill.TotalSeconds:0} s, then {settings.AfterKill.TotalSeconds:0} s more");
        var kill = new KillClock();
        var killPhase = load.RunAsync(settings.BeforeKill + settings.AfterKill, ShowdownSettings.WriteShare, kill, cancellationToken);
        await Task.Delay(settings.BeforeKill, cancellationToken);
        var victim = deployment.Victim ?? throw new InvalidOperationException($"{architecture.Name} named no process to kill.");
        victim.Kill();
        kill.Killed();
        var afterKill = await killPhase;
        deployment.EnsureRunning();

        var everyone = users.Append(shared).Concat(large).Concat(steady).ToList();
        var (linesLost, unread) = await CheckCartsAsync(client, everyone, kill);
        var served = users.Select(u => u.FirstServedAfterKill).ToList();
        double? recovery = served.All(t => t != 0) ? PhaseResult.Milliseconds(served.Max() - kill.KilledAt) / 1000 : null;
        var trips = architecture.RoundTrips;
        var figures = new ArchitectureFigures(
            architecture.Name,
            Figures(reads.Reads),
            Figures(writes.Writes),
            requests == 0 ? 0 : cpu.TotalMilliseconds / requests,
            requests == 0 ? 0 : (double)ops / requests,
            new KillFigures(afterKill.FailedRequests, everyone.Count(u => u.SessionLost), linesLost, recovery),
            new FixedRateFigures(rate, Figures(fixedReads.Answered), Figures(fixedWrites.Answered)),
            new RoundTripFigures(trips.Read, trips.Write, trips.Read * 0.2, trips.Write * 0.2, trips.Read * 1.0, trips.Write * 1.0),
            new SharedCartFigures(
                ShowdownSettings.SharedCartWriters,
                Math.Round(sharedPhase.Writes.RequestsPerSecond, 1),
                Math.Round(sharedPhase.Writes.P50Ms, 3),
                Math.Round(sharedPhase.Writes.P99Ms, 3),
                sharedPhase.FailedRequests,
                deployment.StatsUrls.Count > 0 && architecture is StatelessArchitecture ? sharedRetries : null),
            Figures(largePhase.Reads),
            new CpuByProcessFigures(readCpu.MicrosecondsPer(reads.Requests), writeCpu.MicrosecondsPer(writes.Requests)));
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"[{architecture.Name}] CPU {figures.CpuMsPerRequest:0.000} ms/request, {figures.StoreOpsPerRequest:0.00} store ops/request; kill: {figures.Kill.FailedRequests} failed, {figures.Kill.SessionsLost} sessions lost, {linesLost} cart lines lost, recovery {(recovery is { } r ? $"{r:0.00} s" : "not within the phase")}"));
        var acknowledged = everyone.Select(u => u.AcknowledgedLines()).ToList();
        return new ArchitectureRun(
            figures,
            architecture.Shape,
            architecture.VictimDescription,
            architecture.RoundTrips.How,
            [.. deployment.Processes.Select(p => p.Name), "redis-server"],
            requests,
            cpu.TotalSeconds,
            ops,
            deployment.StatsUrls.Count > 0 && architecture is StatelessArchitecture ? retries : null,
            writes.Writes.Count,
            acknowledged.Sum(a => a.Values.Sum()),
            acknowledged.Sum(a => a.Count),
            afterKill.Failures,
            served.Count(t => t == 0),
            unread,
            afterKill.Requests,
            fixedReads,
            fixedWrites);
    }

    /// <summary>
    /// One untimed read of every user's cart, in every architecture alike, before the open loop: it measures users
    /// already being served, as a shop's steady users are, not the first request of 512 users at once (which would
    /// activate 512 cart grains in its first tenth of a second; what a first request costs, the kill phase shows).
    /// </summary>
    private static async Task ReadEachCartOnceAsync(ShopClient client, IReadOnlyList<ShopUser> users, CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken }, async (user, _) =>
        {
            var (_, status) = await client.ReadCartAsync(user.Token!);
            if (status != 200)
            {
                throw new InvalidOperationException($"Reading {user.UserId}'s cart before the open loop failed with status {status}.");
            }
        });

    /// <summary>Adds one unit of each of <see cref="ShowdownSettings.LargeCartLines"/> products to every user's cart.</summary>
    private static async Task FillCartsAsync(ShopClient client, IReadOnlyList<ShopUser> users, IReadOnlyList<string> skus)
    {
        await Task.WhenAll(users.Select(async user =>
        {
            foreach (var sku in skus.Take(ShowdownSettings.LargeCartLines))
            {
                var status = await client.SendAsync(Operation.Write, user.Token!, sku);
                if (status != 200)
                {
                    throw new InvalidOperationException($"Filling {user.UserId}'s cart failed with status {status}.");
                }

                user.Acknowledged(sku);
            }
        }));
    }

    /// <summary>
    /// Reads every user's cart after the load, signing in again where the token was refused, and counts the lines that
    /// hold fewer units than the acknowledged adds. A cart that cannot be read within 40 attempts loses all its lines.
    /// </summary>
    private static async Task<(int LinesLost, int Unread)> CheckCartsAsync(ShopClient client, IReadOnlyList<ShopUser> users, KillClock kill)
    {
        var lost = 0;
        var unread = 0;
        foreach (var user in users)
        {
            IReadOnlyDictionary<string, int>? lines = null;
            for (var attempt = 0; attempt < CartReadAttempts && lines is null; attempt++)
            {
                if (user.Token is not { } token)
                {
                    var at = Stopwatch.GetTimestamp();
                    if ((await client.SignInAsync(user.UserId)).Token is { } fresh)
                    {
                        user.SignedIn(fresh, at);
                    }
                    else
                    {
                        await Task.Delay(s_pauseBetweenCartReads);
                    }

                    continue;
                }

                (lines, var status) = await client.ReadCartAsync(token);
                if (status == 401)
                {
                    user.Rejected(token, kill.KilledAt);
                }
                else if (lines is null)
                {
                    await Task.Delay(s_pauseBetweenCartReads);
                }
            }

            unread += lines is null ? 1 : 0;
            lost += user.AcknowledgedLines().Count(a => lines is null || lines.GetValueOrDefault(a.Key) < a.Value);
        }

        return (lost, unread);
    }

    /// <summary>Write retries the API servers counted so far (0 where they count none).</summary>
    private static async Task<long> WriteRetriesAsync(HttpClient http, Deployment deployment, CancellationToken cancellationToken)
    {
        var total = 0L;
        foreach (var url in deployment.StatsUrls)
        {
            using var stats = JsonDocument.Parse(await http.GetStringAsync(url, cancellationToken));
            total += stats.RootElement.GetProperty("writeRetries").GetInt64();
        }

        return total;
    }

    private static ThroughputFigures Figures(LatencySummary summary) =>
        new(Math.Round(summary.RequestsPerSecond, 1), Math.Round(summary.P50Ms, 3), Math.Round(summary.P95Ms, 3), Math.Round(summary.P99Ms, 3));

    private static string Line(IArchitecture architecture, string what, LatencySummary summary, int failed) => string.Create(CultureInfo.InvariantCulture,
        $"[{architecture.Name}] {what}: {summary.RequestsPerSecond:0} req/s, p50 {summary.P50Ms:0.00} ms, p95 {summary.P95Ms:0.00} ms, p99 {summary.P99Ms:0.00} ms, {failed} failed");

    private static string SentLate(OpenLoopResult result) => string.Create(CultureInfo.InvariantCulture,
        $"; sent after their due time by p50 {result.SentLate.P50Ms:0.00} ms, p99 {result.SentLate.P99Ms:0.00} ms");

    private static HttpClient CreateHttpClient() => new(new SocketsHttpHandler
    {
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        MaxConnectionsPerServer = int.MaxValue,
        ConnectTimeout = TimeSpan.FromSeconds(5),
    })
    {
        // A request the architecture never answers fails here; the phase goes on.
        Timeout = TimeSpan.FromSeconds(10),
    };
}
