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
/// Starts redis-server, the silos and a gateway (<see cref="ShopProcesses"/>) with the silos' default limits, sends the
/// sign-ins on schedule (at most <see cref="MaxInFlight"/> at once), counts what came back and what Redis holds, and
/// stops every process it started, by the process it holds.
/// </summary>
internal static class SignInFloodRunner
{
    private const int MaxInFlight = 64;

    public static async Task<SignInFloodResult> RunAsync(int count, TimeSpan spread, int siloCount, TextWriter progress, CancellationToken cancellationToken)
    {
        await using var processes = await ShopProcesses.StartAsync(siloCount, progress, cancellationToken);
        var gatewayUrl = processes.Gateway;
        var clusterId = processes.ClusterId;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
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

        await using var store = await ConnectionMultiplexer.ConnectAsync(processes.Redis.ConnectionString);
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
