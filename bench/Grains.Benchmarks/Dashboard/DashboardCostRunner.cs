using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Grains.Benchmarks.HttpGateway;
using Grains.Testing;

namespace Grains.Benchmarks.Dashboard;

/// <summary>
/// For each mode of each round: starts two clusters side by side, each with its own redis-server, silos and gateway as
/// processes (as shipped: Production, their own content root): one with the dashboard off, one in the mode. Gives some
/// users a cart on each, lets them settle, then reads the CPU time of every silo and gateway of both from
/// /proc/{pid}/stat over the same quiet window (no shop traffic), and stops every process it started. Measuring the
/// baseline in the same window, on the same loaded machine, is what lets a small difference show: clusters measured
/// one after the other differed by more than the dashboard costs.
/// </summary>
internal static class DashboardCostRunner
{
    public static async Task<IReadOnlyList<DashboardCostSample>> RunAsync(DashboardCostSettings settings, TextWriter progress, CancellationToken cancellationToken)
    {
        var samples = new List<DashboardCostSample>();
        for (var round = 1; round <= settings.Rounds; round++)
        {
            foreach (var mode in settings.Modes.Where(m => m != DashboardMode.Off))
            {
                await progress.WriteLineAsync($"Round {round} of {settings.Rounds}: {mode} beside Off (load average {GatewayRunner.LoadAverage()})...");
                var sample = await MeasureAsync(settings, mode, round, progress, cancellationToken);
                samples.Add(sample);
                await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  {mode}: silos {Percent(sample.SilosCpu, sample.Window)} of a core, gateway {Percent(sample.GatewayCpu, sample.Window)}; "
                    + $"Off beside it: silos {Percent(sample.Off.SilosCpu, sample.Window)}, gateway {Percent(sample.Off.GatewayCpu, sample.Window)}"));
            }
        }

        return samples;
    }

    public static string Percent(TimeSpan cpu, TimeSpan window) => (cpu / window).ToString("P1", CultureInfo.InvariantCulture);

    private static async Task<DashboardCostSample> MeasureAsync(DashboardCostSettings settings, DashboardMode mode, int round, TextWriter progress, CancellationToken cancellationToken)
    {
        var processes = new List<ProjectProcess>();
        var redisServers = new List<RedisServer>();
        try
        {
            var started = await Task.WhenAll(
                StartClusterAsync(settings, DashboardMode.Off, processes, redisServers, cancellationToken),
                StartClusterAsync(settings, mode, processes, redisServers, cancellationToken));
            var (off, on) = (started[0], started[1]);
            await using var browser = mode switch
            {
                DashboardMode.OrleansDashboardWatched => await WatchingBrowser.OpenAsync(new Uri(on.GatewayUrl, "/dashboard/"), on.OperatorKey),
                DashboardMode.PlacementWatched => await WatchingBrowser.OpenAsync(new Uri(on.GatewayUrl, "/dashboard/placement"), on.OperatorKey),
                _ => null,
            };
            await progress.WriteLineAsync($"  settling for {settings.WarmUp.TotalSeconds:0} s, then measuring both for {settings.Duration.TotalSeconds:0} s...");
            await Task.Delay(settings.WarmUp, cancellationToken);

            var offBefore = off.ReadCpu();
            var onBefore = on.ReadCpu();
            var startedAt = TimeProvider.System.GetTimestamp();
            await Task.Delay(settings.Duration, cancellationToken);
            var window = TimeProvider.System.GetElapsedTime(startedAt);
            var offCpu = off.ReadCpu().Since(offBefore);
            var onCpu = on.ReadCpu().Since(onBefore);
            if (processes.FirstOrDefault(p => p.HasExited) is { } exited)
            {
                throw new InvalidOperationException($"{exited} exited during the measurement:{Environment.NewLine}{exited.RecentOutput}");
            }

            return new DashboardCostSample(mode, round, window, onCpu.Silos, onCpu.Gateway, onCpu.BusiestSilo,
                new DashboardCostSample(DashboardMode.Off, round, window, offCpu.Silos, offCpu.Gateway, offCpu.BusiestSilo, null));
        }
        finally
        {
            processes.Reverse();
            foreach (var process in processes)
            {
                await GatewayRunner.StopAsync(process);
            }

            foreach (var redis in redisServers)
            {
                await redis.DisposeAsync();
            }
        }
    }

    /// <summary>redis-server, the silos and the gateway of one cluster in <paramref name="mode"/>, with carts given out; every process is added to <paramref name="processes"/> as it starts.</summary>
    private static async Task<CostCluster> StartClusterAsync(
        DashboardCostSettings settings, DashboardMode mode, List<ProjectProcess> processes, List<RedisServer> redisServers, CancellationToken cancellationToken)
    {
        var redis = await RedisServer.StartAsync(cancellationToken: cancellationToken);
        lock (redisServers)
        {
            redisServers.Add(redis);
        }

        var cluster = new[] { $"--Redis:ConnectionString={redis.ConnectionString}", $"--Cluster:Id=dash-{Guid.NewGuid():N}" };
        var runtime = new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Production" };
        var operatorKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var on = mode != DashboardMode.Off;
        var siloAssembly = RepositoryPaths.BuiltAssembly("Grains.Silo");
        var siloEnvironment = new Dictionary<string, string>(runtime)
        {
            ["Api__TokenKey"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),

            // Every user is signed in from this one address, at once.
            ["Api__SignInRateLimit__PerAddress__TokenLimit"] = "1000000000",
            ["Api__SignInRateLimit__PerAddress__TokensPerPeriod"] = "1000000000",
            ["Api__SignInRateLimit__Global__TokenLimit"] = "1000000000",
            ["Api__SignInRateLimit__Global__TokensPerPeriod"] = "1000000000",
        };
        var silos = Enumerable.Range(1, settings.Silos).Select(i => Start(processes, $"{mode}-silo-{i}", siloAssembly,
            [.. cluster, $"--Silo:Name=silo-{i}", "--Silo:Port=0", "--Silo:GatewayPort=0", $"--Dashboard:Enabled={on}", .. GatewayRunner.ContentRoot(siloAssembly)],
            siloEnvironment)).ToList();
        var gatewayUrl = GatewayRunner.LoopbackUrl();
        var gatewayAssembly = RepositoryPaths.BuiltAssembly("Grains.Gateway");
        var gatewayEnvironment = new Dictionary<string, string>(runtime);
        if (on && mode != DashboardMode.SilosOnly)
        {
            gatewayEnvironment["Dashboard__OperatorKey"] = operatorKey;
        }

        var gateway = Start(processes, $"{mode}-gateway", gatewayAssembly, [.. cluster, "--urls", gatewayUrl.ToString(), .. GatewayRunner.ContentRoot(gatewayAssembly)], gatewayEnvironment);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        await GatewayRunner.WaitUntilOkAsync(http, new Uri(gatewayUrl, "/health/ready"), gateway, cancellationToken);
        await CreateCartsAsync(http, gatewayUrl, settings, cancellationToken);
        return new CostCluster(silos, gateway, gatewayUrl, operatorKey);
    }

    private static ProjectProcess Start(List<ProjectProcess> processes, string name, string assembly, string[] arguments, IReadOnlyDictionary<string, string> environment)
    {
        var process = ProjectProcess.Start(name, assembly, arguments, environment);
        lock (processes)
        {
            processes.Add(process);
        }

        return process;
    }

    /// <summary>
    /// Users with a session and a cart each, so that the pages have grains to show: at least <see cref="DashboardCostSettings.Users"/>,
    /// and more until every silo has answered for a cart (placement is random), which shows that all of them serve.
    /// </summary>
    private static async Task CreateCartsAsync(HttpClient http, Uri gateway, DashboardCostSettings settings, CancellationToken cancellationToken)
    {
        var servedBy = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < settings.Users || servedBy.Count < settings.Silos; i++)
        {
            if (i >= settings.Users + 1000)
            {
                throw new InvalidOperationException($"Only {servedBy.Count} of {settings.Silos} silos served a cart.");
            }

            servedBy.Add(await CreateCartAsync(http, gateway, $"cost-{i}", cancellationToken));
        }
    }

    /// <summary>A session and a cart for <paramref name="userId"/>; returns the silo that answered. Silos still joining may answer 503 for a while: retried.</summary>
    private static async Task<string> CreateCartAsync(HttpClient http, Uri gateway, string userId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var created = await http.PostAsJsonAsync(new Uri(gateway, "/api/sessions"), new { userId }, cancellationToken);
            if (created.IsSuccessStatusCode)
            {
                using var session = JsonDocument.Parse(await created.Content.ReadAsStringAsync(cancellationToken));
                using var add = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway, "/api/cart/items")) { Content = JsonContent.Create(new { sku = "TEA-001", quantity = 1 }) };
                add.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.RootElement.GetProperty("token").GetString());
                add.Headers.Add("Idempotency-Key", userId);
                using var added = await http.SendAsync(add, cancellationToken);
                if (added.IsSuccessStatusCode)
                {
                    return added.Headers.GetValues("X-Silo").Single();
                }

                if (attempt >= 30 || added.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable)
                {
                    added.EnsureSuccessStatusCode();
                }
            }
            else if (attempt >= 30 || created.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable)
            {
                created.EnsureSuccessStatusCode();
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }
}
