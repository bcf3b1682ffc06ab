using System.CommandLine;

namespace Grains.Benchmarks;

/// <summary>The benchmark's command line: what to measure and for how long.</summary>
internal static class BenchmarkCommand
{
    public static RootCommand Create()
    {
        var concurrency = new Option<int>("--concurrency", "-c") { Description = "Calls kept in flight.", DefaultValueFactory = _ => 512 };
        var grains = new Option<int>("--grains", "-g") { Description = "Grains the many-grains scenario spreads its calls over.", DefaultValueFactory = _ => 1000 };
        var warmUp = new Option<double>("--warmup", "-w") { Description = "Seconds of warm-up before each measurement (JIT tiering of Orleans takes several seconds on a busy machine).", DefaultValueFactory = _ => 10 };
        var duration = new Option<double>("--duration", "-d") { Description = "Seconds each scenario is measured.", DefaultValueFactory = _ => 10 };
        var scenario = new Option<string>("--scenario") { Description = "many, hot or both.", DefaultValueFactory = _ => "both" };
        var path = new Option<string>("--path") { Description = "loopback, in-process or both.", DefaultValueFactory = _ => "both" };
        var filters = new Option<string>("--filters")
        {
            Description = "The silo's grain call filters: production (tagging,storage,lease), none, or a comma list of tagging, storage, lease, journal.",
            DefaultValueFactory = _ => "production",
        };
        var connections = new Option<int>("--connections") { Description = "Client connections per silo gateway (Orleans ConnectionsPerEndpoint).", DefaultValueFactory = _ => 1 };
        var payload = new Option<int>("--payload") { Description = "0: PingAsync(int); otherwise EchoAsync of a byte array this long.", DefaultValueFactory = _ => 0 };
        filters.Validators.Add(r => { if (!SiloFilterNames.TryParse(r.GetValueOrDefault<string>() ?? string.Empty, out _)) { r.AddError($"{r.Option.Name}: unknown filter in '{r.GetValueOrDefault<string>()}'."); } });
        payload.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 0 or > 1_000_000) { r.AddError($"{r.Option.Name} must be between 0 and 1000000 bytes."); } });
        scenario.AcceptOnlyFromAmong("many", "hot", "both");
        path.AcceptOnlyFromAmong("loopback", "in-process", "both");
        foreach (var positive in new[] { concurrency, grains, connections })
        {
            positive.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError($"{r.Option.Name} must be at least 1."); } });
        }

        foreach (var seconds in new[] { warmUp, duration })
        {
            seconds.Validators.Add(r => { if (r.GetValueOrDefault<double>() is < 0 or > 600) { r.AddError($"{r.Option.Name} must be between 0 and 600 seconds."); } });
        }

        var command = new RootCommand(
            "Measures Orleans grain calls per second and their latency: from a client process to one silo process over "
            + "loopback TCP, and the same calls made inside the silo. The 'gateway' command measures the HTTP gateway instead.")
        {
            concurrency, grains, warmUp, duration, scenario, path, filters, connections, payload,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var scenarios = new List<Scenario>();
            if (result.GetValue(scenario) is "many" or "both")
            {
                scenarios.Add(Scenario.Many(result.GetValue(grains)));
            }

            if (result.GetValue(scenario) is "hot" or "both")
            {
                scenarios.Add(Scenario.Hot);
            }

            var paths = new List<CallPath>();
            if (result.GetValue(path) is "loopback" or "both")
            {
                paths.Add(CallPath.Loopback);
            }

            if (result.GetValue(path) is "in-process" or "both")
            {
                paths.Add(CallPath.InProcess);
            }

            SiloFilterNames.TryParse(result.GetValue(filters)!, out var siloFilters);
            var settings = new BenchmarkSettings(
                result.GetValue(concurrency),
                TimeSpan.FromSeconds(result.GetValue(warmUp)),
                TimeSpan.FromSeconds(result.GetValue(duration)),
                scenarios,
                paths,
                siloFilters,
                result.GetValue(connections),
                result.GetValue(payload));

            Report.WriteConditions(Console.Out, settings);
            try
            {
                var measurements = await BenchmarkRunner.RunAsync(settings, Console.Error, cancellationToken);
                Report.WriteMeasurements(Console.Out, measurements);
                return 0;
            }
            catch (OperationCanceledException)
            {
                await Console.Error.WriteLineAsync("Stopped before the end: no figures.");
                return 130;
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or OrleansException)
            {
                // Redis or the silo process failed to start, the client found no silo, or the silo went away during the run.
                await Console.Error.WriteLineAsync(ex.Message);
                return 1;
            }
        });
        return command;
    }
}
