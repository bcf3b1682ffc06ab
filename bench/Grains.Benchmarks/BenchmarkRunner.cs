using Grains.Benchmarks.Grains;
using Grains.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Grains.Benchmarks;

/// <summary>
/// Starts a redis-server for the run, sets up each call path's hosts (each path its own cluster id), measures every
/// scenario on it, and tears everything down again.
/// </summary>
internal static class BenchmarkRunner
{
    public static async Task<IReadOnlyList<Measurement>> RunAsync(BenchmarkSettings settings, TextWriter progress, CancellationToken cancellationToken)
    {
        await progress.WriteLineAsync("Starting redis-server...");
        await using var redis = await RedisServer.StartAsync(cancellationToken: cancellationToken);
        var journal = settings.Filters.HasFlag(SiloFilters.Journal) ? Directory.CreateTempSubdirectory("grains-bench-journal-").FullName : null;
        try
        {
            var measurements = new List<Measurement>();
            foreach (var path in settings.Paths)
            {
                var measured = path == CallPath.Loopback
                    ? await RunLoopbackAsync(settings, redis.ConnectionString, journal, progress, cancellationToken)
                    : await RunInProcessAsync(settings, redis.ConnectionString, journal, progress, cancellationToken);
                measurements.AddRange(measured);
            }

            return measurements;
        }
        finally
        {
            if (journal is not null)
            {
                Directory.Delete(journal, recursive: true);
            }
        }
    }

    private static async Task<List<Measurement>> RunLoopbackAsync(
        BenchmarkSettings settings, string redis, string? journal, TextWriter progress, CancellationToken cancellationToken)
    {
        var clusterId = NewClusterId();
        await progress.WriteLineAsync("Starting the silo process...");
        await using var silo = await SiloProcess.StartAsync(redis, clusterId, settings.Filters, journal, cancellationToken);
        await progress.WriteLineAsync($"Silo {silo.Address} is up (pid {silo.ProcessId}).");

        using var client = BenchmarkHosts.CreateClient(redis, clusterId, settings.ClientConnections);
        await client.StartAsync(cancellationToken);
        try
        {
            using var stopping = StopsWith(client, cancellationToken);
            var factory = client.Services.GetRequiredService<IGrainFactory>();
            return await MeasureScenariosAsync(factory, CallPath.Loopback, silo, settings, progress, stopping.Token);
        }
        finally
        {
            await client.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<List<Measurement>> RunInProcessAsync(
        BenchmarkSettings settings, string redis, string? journal, TextWriter progress, CancellationToken cancellationToken)
    {
        using var host = BenchmarkHosts.CreateSilo(redis, NewClusterId(), settings.Filters, journal);
        await host.StartAsync(cancellationToken);
        try
        {
            using var stopping = StopsWith(host, cancellationToken);
            var factory = host.Services.GetRequiredService<IGrainFactory>();
            return await MeasureScenariosAsync(factory, CallPath.InProcess, silo: null, settings, progress, stopping.Token);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Each path gets a cluster of its own, so a client never sees a silo of another path in the membership table.</summary>
    private static string NewClusterId() => $"bench-{Guid.NewGuid():N}";

    /// <summary>
    /// Cancelled also when the host is told to stop: a started host takes over SIGINT and SIGTERM (its console
    /// lifetime), so this is how Ctrl-C reaches the run while a host is up.
    /// </summary>
    private static CancellationTokenSource StopsWith(IHost host, CancellationToken cancellationToken) =>
        CancellationTokenSource.CreateLinkedTokenSource(
            cancellationToken, host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);

    private static async Task<List<Measurement>> MeasureScenariosAsync(
        IGrainFactory factory, CallPath path, SiloProcess? silo, BenchmarkSettings settings, TextWriter progress, CancellationToken cancellationToken)
    {
        var measurements = new List<Measurement>();
        foreach (var scenario in settings.Scenarios)
        {
            await progress.WriteLineAsync($"{Report.Describe(path)}, {Report.Describe(scenario)}: warm-up {settings.WarmUp.TotalSeconds:0.#} s, then measuring {settings.Duration.TotalSeconds:0.#} s...");
            var grains = Enumerable.Range(0, scenario.GrainCount)
                .Select(i => factory.GetGrain<IPingGrain>($"{scenario.Name}-{i}"))
                .ToArray();

            await using var load = LoadGenerator.Start(grains, settings.Concurrency, settings.PayloadBytes);
            await Task.Delay(settings.WarmUp, cancellationToken);

            var localBefore = ProcessStats.Current();
            var siloBefore = silo is null ? (ProcessStats?)null : await silo.GetStatsAsync(cancellationToken);
            load.BeginMeasurement();
            await Task.Delay(settings.Duration, cancellationToken);
            var localAfter = ProcessStats.Current();
            var siloAfter = silo is null ? (ProcessStats?)null : await silo.GetStatsAsync(cancellationToken);
            var result = await load.EndMeasurementAsync();

            measurements.Add(new Measurement(scenario, path, result, localAfter - localBefore, siloAfter - siloBefore));
        }

        return measurements;
    }
}
