using Grains.Benchmarks.Grains;
using Grains.Runtime;
using Grains.Runtime.Hosting;
using Grains.Runtime.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Grains.Benchmarks;

/// <summary>Sets up each call path's hosts, measures every scenario on it, and tears the hosts down again.</summary>
internal static class BenchmarkRunner
{
    public static async Task<IReadOnlyList<Measurement>> RunAsync(BenchmarkSettings settings, TextWriter progress, CancellationToken cancellationToken)
    {
        var measurements = new List<Measurement>();
        foreach (var path in settings.Paths)
        {
            var measured = path == CallPath.Loopback
                ? await RunLoopbackAsync(settings, progress, cancellationToken)
                : await RunInProcessAsync(settings, progress, cancellationToken);
            measurements.AddRange(measured);
        }

        return measurements;
    }

    private static async Task<List<Measurement>> RunLoopbackAsync(BenchmarkSettings settings, TextWriter progress, CancellationToken cancellationToken)
    {
        await progress.WriteLineAsync("Starting the silo process...");
        await using var silo = await SiloProcess.StartAsync(cancellationToken);
        await progress.WriteLineAsync($"Silo {silo.Address} is up (pid {silo.ProcessId}).");

        var store = new InMemoryClusterStore();
        await new InMemoryMembershipTable(store).JoinAsync(silo.Address, "bench-silo", cancellationToken);
        using var client = BenchmarkHosts.CreateClient(store);
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

    private static async Task<List<Measurement>> RunInProcessAsync(BenchmarkSettings settings, TextWriter progress, CancellationToken cancellationToken)
    {
        using var host = BenchmarkHosts.CreateSilo(port: 0);
        await host.StartAsync(cancellationToken);
        try
        {
            using var stopping = StopsWith(host, cancellationToken);
            await host.Services.GetRequiredService<LocalSilo>().Started.WaitAsync(stopping.Token);
            var factory = host.Services.GetRequiredService<IGrainFactory>();
            return await MeasureScenariosAsync(factory, CallPath.InProcess, silo: null, settings, progress, stopping.Token);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

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

            await using var load = LoadGenerator.Start(grains, settings.Concurrency);
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
