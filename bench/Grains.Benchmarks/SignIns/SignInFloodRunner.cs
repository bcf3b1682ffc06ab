using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Grains.Benchmarks.HttpGateway;
using Grains.Testing;
using StackExchange.Redis;

namespace Grains.Benchmarks.SignIns;

/// <summary>
/// Starts redis-server, the silos and a gateway as processes on 127.0.0.1 with the silos' default limits, sends the
/// sign-ins on schedule (at most <see cref="MaxInFlight"/> at once), counts what came back and what Redis holds, and
/// stops every process it started, by the process it holds.
/// </summary>
internal static class SignInFloodRunner
{
    private const int MaxInFlight = 64;

    public static async Task<SignInFloodResult> RunAsync(int count, TimeSpan spread, int siloCount, TextWriter progress, CancellationToken cancellationToken)
    {
        await using var redis = await RedisServer.StartAsync(cancellationToken: cancellationToken);
        var clusterId = $"flood-{Guid.NewGuid():N}";
        string[] cluster = [$"--Redis:ConnectionString={redis.ConnectionString}", $"--Cluster:Id={clusterId}"];
        var runtime = new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Production" };
        var siloEnvironment = new Dictionary<string, string>(runtime) { ["Api__TokenKey"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)) };
        var processes = new List<ProjectProcess>();
        try
        {
            await progress.WriteLineAsync($"Starting {siloCount} silos and the gateway...");
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var siloAssembly = RepositoryPaths.BuiltAssembly("Grains.Silo");
            foreach (var i in Enumerable.Range(1, siloCount))
            {
                var url = GatewayRunner.LoopbackUrl();
                var silo = ProjectProcess.Start($"silo-{i}", siloAssembly,
                    [.. cluster, $"--Silo:Name=silo-{i}", "--Silo:Port=0", "--Silo:GatewayPort=0", "--urls", url.ToString(), .. GatewayRunner.ContentRoot(siloAssembly)], siloEnvironment);
                processes.Add(silo);
                await GatewayRunner.WaitUntilOkAsync(http, new Uri(url, "/health/ready"), silo, cancellationToken);
            }

            var gatewayUrl = GatewayRunner.LoopbackUrl();
            var gatewayAssembly = RepositoryPaths.BuiltAssembly("Grains.Gateway");
            var gateway = ProjectProcess.Start("gateway", gatewayAssembly, [.. cluster, "--urls", gatewayUrl.ToString(), .. GatewayRunner.ContentRoot(gatewayAssembly)], runtime);
            processes.Add(gateway);
            await GatewayRunner.WaitUntilOkAsync(http, new Uri(gatewayUrl, "/health/ready"), gateway, cancellationToken);

            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Sending {count} sign-ins over {spread.TotalSeconds:0.#} s..."));
            var byStatus = new ConcurrentDictionary<int, int>();
            var bySilo = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
            using var inFlight = new SemaphoreSlim(MaxInFlight);
            var sends = new List<Task>(count);
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < count; i++)
            {
                var due = spread * i / count - Stopwatch.GetElapsedTime(started);
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, cancellationToken);
                }

                await inFlight.WaitAsync(cancellationToken);
                var userId = string.Create(CultureInfo.InvariantCulture, $"flood-{i}");
                sends.Add(SendAsync(http, gatewayUrl, userId, byStatus, bySilo, inFlight, cancellationToken));
            }

            await Task.WhenAll(sends);
            var took = Stopwatch.GetElapsedTime(started);

            await using var store = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
            var server = store.GetServer(store.GetEndPoints().Single());
            return new SignInFloodResult(
                count,
                took,
                byStatus.ToDictionary(),
                bySilo.ToDictionary(StringComparer.Ordinal),
                await server.DatabaseSizeAsync(),
                await CountAsync(server, $"{clusterId}/state/session/*"),
                await CountAsync(server, $"{clusterId}/directory/session/*"));
        }
        finally
        {
            foreach (var process in Enumerable.Reverse(processes))
            {
                await GatewayRunner.StopAsync(process);
            }
        }
    }

    private static async Task SendAsync(
        HttpClient http, Uri gateway, string userId, ConcurrentDictionary<int, int> byStatus, ConcurrentDictionary<string, int> bySilo,
        SemaphoreSlim inFlight, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync(new Uri(gateway, "/api/sessions"), new { userId }, cancellationToken);
            byStatus.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            if (response.IsSuccessStatusCode && response.Headers.TryGetValues("X-Silo", out var silo))
            {
                bySilo.AddOrUpdate(silo.Single(), 1, (_, n) => n + 1);
            }
        }
        finally
        {
            inFlight.Release();
        }
    }

    private static async Task<long> CountAsync(IServer server, string pattern)
    {
        var count = 0L;
        await foreach (var _ in server.KeysAsync(pattern: pattern))
        {
            count++;
        }

        return count;
    }
}
