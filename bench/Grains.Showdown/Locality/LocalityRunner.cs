using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Grains.Shop.Catalog;
using Grains.Showdown.Architectures;
using Grains.Showdown.Load;
using Grains.Showdown.Measuring;
using Grains.Testing;

namespace Grains.Showdown.Locality;

/// <summary>
/// How much of the traffic is served in-process, second by second, across a scale-out and a crash: two silos behind
/// the gateway under closed-loop load; a third silo joins; later one of the first two is killed with SIGKILL. The
/// gateway counts, from each silo's <c>X-Locality</c>, the requests served with every grain call in-process.
/// </summary>
internal static class LocalityRunner
{
    /// <summary>At least this share of a second's requests in-process counts as local again.</summary>
    public const double Goal = 0.99;

    public static async Task<IReadOnlyList<LocalitySample>> RunAsync(LocalitySettings settings, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(progress);
        await progress.WriteLineAsync($"Machine: {Machine.Describe()}; load average {Machine.LoadAverage()}");
        await using var redis = await RedisServer.StartAsync(cancellationToken: cancellationToken);
        await using var deployment = new Deployment($"locality-{Guid.NewGuid():N}"[..32]);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var cluster = await ShowdownServers.StartSilosAsync(deployment, redis.ConnectionString, cancellationToken);
        var operatorKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        await ShowdownServers.StartGatewayAsync(deployment, cluster, http, cancellationToken, new Dictionary<string, string> { ["Dashboard__OperatorKey"] = operatorKey });
        var counters = new ProxyCounters(http, deployment.Entry, operatorKey);

        var skus = ProductCatalog.LoadEmbedded().Products.Select(p => p.Sku).ToList();
        var users = Enumerable.Range(1, settings.Users).Select(i => new ShopUser(string.Create(CultureInfo.InvariantCulture, $"user-{i:D3}"))).ToList();
        var load = new LoadGenerator(new ShopClient(http, deployment.Entry), users, 2, skus, seed: 17);
        await load.SignInAllAsync();
        await progress.WriteLineAsync($"{settings.Users} users signed in; load for {settings.Duration.TotalSeconds:0} s: a third silo joins at {settings.JoinAt.TotalSeconds:0} s, silo-1 is killed at {settings.KillAt.TotalSeconds:0} s");

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = load.RunAsync(settings.Duration, ShowdownSettings.WriteShare, new KillClock(), stop.Token);
        var samples = new List<LocalitySample>();
        var started = Stopwatch.GetTimestamp();
        var (inProcess, remote) = await counters.ReadAsync(cancellationToken);
        string? pending = null;
        var joined = false;
        var killed = false;
        while (!running.IsCompleted)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var (nowInProcess, nowRemote) = await counters.ReadAsync(cancellationToken);
            var sample = new LocalitySample(Math.Round(elapsed.TotalSeconds, 1), nowInProcess - inProcess, nowRemote - remote, pending);
            samples.Add(sample);
            (inProcess, remote, pending) = (nowInProcess, nowRemote, null);
            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{sample.Second,6:0.0} s  {sample.Requests,6} requests  {100 * sample.Share,6:0.0} % in-process{(sample.Event is { } e ? "  <- " + e : string.Empty)}"));

            if (!joined && elapsed >= settings.JoinAt)
            {
                joined = true;
                ShowdownServers.StartSilo(deployment, cluster, "silo-3");
                pending = "silo-3 started";
            }
            else if (!killed && elapsed >= settings.KillAt)
            {
                killed = true;
                deployment.Victim!.Kill();
                pending = "silo-1 killed (SIGKILL)";
            }
        }

        await running;
        deployment.EnsureRunning();
        await progress.WriteLineAsync($"Done; load average {Machine.LoadAverage()}");
        return samples;
    }
}
