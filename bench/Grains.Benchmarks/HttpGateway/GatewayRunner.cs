using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Grains.Testing;

namespace Grains.Benchmarks.HttpGateway;

/// <summary>
/// Starts redis-server; one silo (src/Grains.Silo) with the gateway (src/Grains.Gateway) in front of it; a variants
/// silo, the only silo of a second cluster; and the bare endpoint, each as its own process on 127.0.0.1. Creates one
/// session with a cart of three lines in each cluster, loads every target with wrk, round after round, and stops every
/// process it started, by the process it holds.
/// </summary>
internal static class GatewayRunner
{
    private const string UserId = "bench-user";
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(15);

    public static async Task<IReadOnlyList<GatewaySample>> RunAsync(GatewaySettings settings, TextWriter progress, CancellationToken cancellationToken)
    {
        var wrk = Wrk.Find() ?? throw new InvalidOperationException("wrk is not installed (apt-get install wrk).");
        await progress.WriteLineAsync($"Starting redis-server (load average {LoadAverage()})...");
        await using var redis = await RedisServer.StartAsync(cancellationToken: cancellationToken);
        var runtime = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["DOTNET_gcServer"] = settings.ServerGc ? "1" : "0",
        };
        var siloEnvironment = SiloEnvironment(runtime);
        string[] Cluster(string name) => [$"--Redis:ConnectionString={redis.ConnectionString}", $"--Cluster:Id=bench-{name}-{Guid.NewGuid():N}"];
        var bodyFile = Path.GetTempFileName();
        var processes = new List<ProjectProcess>();
        try
        {
            await progress.WriteLineAsync("Starting the silo and the gateway...");
            var cluster = Cluster("shop");
            var siloAssembly = RepositoryPaths.BuiltAssembly("Grains.Silo");
            var siloUrl = LoopbackUrl();
            var silo = Start(processes, "silo", siloAssembly,
                [.. cluster, "--Silo:Name=silo-1", "--Silo:Port=0", "--Silo:GatewayPort=0", "--urls", siloUrl.ToString(), .. ContentRoot(siloAssembly)], siloEnvironment);
            var gatewayUrl = LoopbackUrl();
            var gatewayAssembly = RepositoryPaths.BuiltAssembly("Grains.Gateway");
            var gateway = Start(processes, "gateway", gatewayAssembly, [.. cluster, "--urls", gatewayUrl.ToString(), .. ContentRoot(gatewayAssembly)], runtime);

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            await WaitUntilOkAsync(http, new Uri(gatewayUrl, "/health/ready"), gateway, cancellationToken);
            var token = await CreateSessionWithCartAsync(http, gatewayUrl, cancellationToken);
            var body = await GetCartAsync(http, gatewayUrl, token, cancellationToken);
            await File.WriteAllBytesAsync(bodyFile, body, cancellationToken);
            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Session of '{UserId}' created; GET /api/cart answers {body.Length} bytes."));

            await progress.WriteLineAsync("Starting the variants silo and the bare endpoint...");
            var bench = typeof(GatewayRunner).Assembly.Location;
            var variantsUrl = LoopbackUrl();
            var variants = Start(processes, "variants", bench,
                ["http-host", "--mode", "variants", "--url", variantsUrl.ToString(), "--body-file", bodyFile, "--user", UserId,
                    .. Cluster("variants"), "--Silo:Name=variants", "--Silo:Port=0", "--Silo:GatewayPort=0"], siloEnvironment);
            var bareUrl = LoopbackUrl();
            var bare = Start(processes, "bare", bench, ["http-host", "--mode", "bare", "--url", bareUrl.ToString(), "--body-file", bodyFile], runtime);
            await WaitUntilOkAsync(http, new Uri(variantsUrl, "/health/ready"), variants, cancellationToken);
            await WaitUntilOkAsync(http, new Uri(bareUrl, GatewayTargets.CartPath), bare, cancellationToken);
            var variantsToken = await CreateSessionWithCartAsync(http, variantsUrl, cancellationToken);

            // Each target: where it is served, with which token, and which processes spend CPU on it.
            var hosts = new Dictionary<GatewayHost, (Uri Url, string Token, ProjectProcess Process, ProjectProcess? Behind)>
            {
                [GatewayHost.Bare] = (bareUrl, token, bare, null),
                [GatewayHost.Silo] = (siloUrl, token, silo, null),
                [GatewayHost.Gateway] = (gatewayUrl, token, gateway, silo),
                [GatewayHost.Variants] = (variantsUrl, variantsToken, variants, null),
            };
            foreach (var target in settings.Targets)
            {
                var host = hosts[target.Host];
                await CheckAsync(http, target, new Uri(host.Url, target.Path), host.Token, cancellationToken);
            }

            if (settings.WarmUp > TimeSpan.Zero)
            {
                await progress.WriteLineAsync($"Warming up each target for {settings.WarmUp.TotalSeconds:0.#} s...");
                foreach (var target in settings.Targets)
                {
                    var host = hosts[target.Host];
                    await Wrk.RunAsync(wrk, new Uri(host.Url, target.Path), Headers(target, host.Token), settings.Threads, settings.Connections, settings.WarmUp, cancellationToken);
                }
            }

            var samples = new List<GatewaySample>();
            for (var round = 1; round <= settings.Rounds; round++)
            {
                await progress.WriteLineAsync($"Round {round} of {settings.Rounds} (load average {LoadAverage()})...");
                foreach (var target in settings.Targets)
                {
                    var host = hosts[target.Host];
                    EnsureRunning(processes);
                    var hostBefore = ProcessCpu.Of(host.Process.Id);
                    var behindBefore = host.Behind is { } behind ? ProcessCpu.Of(behind.Id) : TimeSpan.Zero;
                    var result = await Wrk.RunAsync(wrk, new Uri(host.Url, target.Path), Headers(target, host.Token), settings.Threads, settings.Connections, settings.Duration, cancellationToken);
                    var behindCpu = host.Behind is { } after ? ProcessCpu.Of(after.Id) - behindBefore : TimeSpan.Zero;
                    var sample = new GatewaySample(target, round, result, ProcessCpu.Of(host.Process.Id) - hostBefore, behindCpu);
                    samples.Add(sample);
                    await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"  {target.Name,-16} {result.RequestsPerSecond,9:N0} req/s  p50 {result.P50.TotalMilliseconds:0.00} ms  p99 {result.P99.TotalMilliseconds:0.00} ms  non-2xx {result.NonSuccess}  socket errors {result.SocketErrors}"));
                }
            }

            await progress.WriteLineAsync($"Done (load average {LoadAverage()}).");
            return samples;
        }
        finally
        {
            // The last started first, the silo of the gateway last, then Redis (by its await using): each by the process object held.
            processes.Reverse();
            foreach (var process in processes)
            {
                await StopAsync(process);
            }

            File.Delete(bodyFile);
        }
    }

    /// <summary>
    /// The executable's own directory as its content root, as in its container image and under Grains.LocalCluster:
    /// its appsettings.json is read from there. Without it a silo or the gateway logs every request at Information level.
    /// </summary>
    internal static string[] ContentRoot(string assembly) => ["--contentRoot", Path.GetDirectoryName(assembly)!];

    /// <summary>A shop silo's environment: <paramref name="runtime"/>, a fresh token key, and no rate limit to speak of.</summary>
    internal static Dictionary<string, string> SiloEnvironment(IReadOnlyDictionary<string, string> runtime) => new(runtime)
    {
        ["Api__TokenKey"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
        // Lifted so that every request is served: the benchmarks send tens of thousands a second on one session.
        ["Api__RateLimit__TokenLimit"] = "1000000000",
        ["Api__RateLimit__TokensPerPeriod"] = "1000000000",
        // Every simulated user signs in from this one address.
        ["Api__SignInRateLimit__PerAddress__TokenLimit"] = "1000000000",
        ["Api__SignInRateLimit__PerAddress__TokensPerPeriod"] = "1000000000",
        ["Api__SignInRateLimit__Global__TokenLimit"] = "1000000000",
        ["Api__SignInRateLimit__Global__TokensPerPeriod"] = "1000000000",
    };

    internal static ProjectProcess Start(List<ProjectProcess> processes, string name, string assembly, string[] arguments, IReadOnlyDictionary<string, string> environment)
    {
        var process = ProjectProcess.Start(name, assembly, arguments, environment);
        processes.Add(process);
        return process;
    }

    internal static async Task StopAsync(ProjectProcess process)
    {
        if (!process.HasExited)
        {
            process.Terminate();
            await process.WaitForExitAsync(s_stopTimeout);
        }

        await process.DisposeAsync();
    }

    private static void EnsureRunning(IEnumerable<ProjectProcess> processes)
    {
        if (processes.FirstOrDefault(p => p.HasExited) is { } exited)
        {
            throw new InvalidOperationException($"{exited} exited with code {exited.ExitCode}:{Environment.NewLine}{exited.RecentOutput}");
        }
    }

    internal static Uri LoopbackUrl() => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort.Next()}"));

    internal static async Task WaitUntilOkAsync(HttpClient http, Uri url, ProjectProcess process, CancellationToken cancellationToken)
    {
        try
        {
            await Poll.UntilAsync(
                async () =>
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (process.HasExited)
                    {
                        throw new InvalidOperationException($"{process} exited with code {process.ExitCode}:{Environment.NewLine}{process.RecentOutput}");
                    }

                    try
                    {
                        using var response = await http.GetAsync(url, cancellationToken);
                        return response.StatusCode == HttpStatusCode.OK;
                    }
                    catch (HttpRequestException)
                    {
                        return false;
                    }
                },
                s_startTimeout,
                $"{url} to answer 200 ({process})");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}{Environment.NewLine}{process.RecentOutput}", ex);
        }
    }

    /// <summary>A session for <see cref="UserId"/> and a cart of the catalog's first three products, through <paramref name="gateway"/> (a gateway or a silo); returns the token.</summary>
    private static async Task<string> CreateSessionWithCartAsync(HttpClient http, Uri gateway, CancellationToken cancellationToken)
    {
        var token = await CreateSessionAsync(http, gateway, UserId, cancellationToken);
        var skus = await FirstSkusAsync(http, gateway, 3, cancellationToken);
        foreach (var (sku, i) in skus.Select((sku, i) => (sku, i)))
        {
            using var add = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway, "/api/cart/items"))
            {
                Content = JsonContent.Create(new { sku, quantity = i + 1 }),
            };
            add.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            add.Headers.Add("Idempotency-Key", $"bench-add-{i}");
            using var added = await http.SendAsync(add, cancellationToken);
            added.EnsureSuccessStatusCode();
        }

        return token;
    }

    /// <summary>Signs <paramref name="userId"/> in through <paramref name="gateway"/> (a gateway or a silo); returns the session's token.</summary>
    internal static async Task<string> CreateSessionAsync(HttpClient http, Uri gateway, string userId, CancellationToken cancellationToken)
    {
        using var created = await http.PostAsJsonAsync(new Uri(gateway, "/api/sessions"), new { userId }, cancellationToken);
        created.EnsureSuccessStatusCode();
        using var session = JsonDocument.Parse(await created.Content.ReadAsStringAsync(cancellationToken));
        return session.RootElement.GetProperty("token").GetString() ?? throw new InvalidOperationException("The session has no token.");
    }

    /// <summary>The SKUs of the catalog's first <paramref name="count"/> products.</summary>
    internal static async Task<List<string>> FirstSkusAsync(HttpClient http, Uri gateway, int count, CancellationToken cancellationToken)
    {
        using var products = JsonDocument.Parse(await http.GetStringAsync(new Uri(gateway, "/api/products"), cancellationToken));
        var skus = products.RootElement.EnumerateArray().Take(count).Select(p => p.GetProperty("sku").GetString()!).ToList();
        return skus.Count == count
            ? skus
            : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The catalog has {skus.Count} products; {count} are needed."));
    }

    private static async Task<byte[]> GetCartAsync(HttpClient http, Uri gateway, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(gateway, GatewayTargets.CartPath));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    /// <summary>One request per target before any load, so that a target that fails is reported, not measured.</summary>
    private static async Task CheckAsync(HttpClient http, GatewayTarget target, Uri url, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in Headers(target, token))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{target.Name} ({url}) answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    private static Dictionary<string, string> Headers(GatewayTarget target, string token) => target.Token switch
    {
        TokenPlacement.Bearer => new() { ["Authorization"] = $"Bearer {token}" },
        TokenPlacement.BenchHeader => new() { [GatewayVariants.TokenHeader] = token },
        _ => [],
    };

    internal static string LoadAverage()
    {
        var parts = File.ReadAllText("/proc/loadavg").Split(' ');
        return $"{parts[0]} {parts[1]} {parts[2]}";
    }
}
