using System.CommandLine;
using System.Text.Json;
using Grains.Chaos.Nemesis;
using Grains.Chaos.Reporting;
using Grains.Chaos.Serialization;

namespace Grains.Chaos;

/// <summary>The chaos tool's command line. Exit code 0: every invariant held; 1: one broke; 2: the run could not be carried out.</summary>
internal static class ChaosCommand
{
    public static RootCommand Create()
    {
        var mode = new Option<string>("--mode") { Description = "short (about 2 minutes, for CI) or long (20 minutes, about two hundred faults).", DefaultValueFactory = _ => "short" };
        mode.AcceptOnlyFromAmong("short", "long");
        var duration = new Option<double?>("--duration") { Description = "Seconds of faults (default: 60 short, 1200 long)." };
        var interval = new Option<double?>("--interval") { Description = "Seconds from one fault to the next (default: 6 short, 5 long)." };
        var faults = new Option<string>("--faults") { Description = "Comma-separated fault kinds: kill, terminate, pause, gateway, redis, or mixed for all.", DefaultValueFactory = _ => "mixed" };
        var users = new Option<int>("--users") { Description = "Concurrent users.", DefaultValueFactory = _ => 50 };
        var silos = new Option<int>("--silos") { Description = "Silos (3 or more).", DefaultValueFactory = _ => 3 };
        var gateways = new Option<int>("--gateways") { Description = "Gateways.", DefaultValueFactory = _ => 2 };
        var pause = new Option<double>("--pause") { Description = "Seconds a paused silo stays paused; longer than the failure-detection time.", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Seed of the fault schedule and of the users' choices.", DefaultValueFactory = _ => Environment.TickCount };
        var report = new Option<string>("--report") { Description = "Where to write the JSON report.", DefaultValueFactory = _ => "chaos-report.json" };
        var history = new Option<string?>("--history") { Description = "Where to write the history as JSON lines (invoke and ok/fail/info events)." };
        var logs = new Option<string?>("--logs") { Description = "A directory for every process's whole output." };
        var siloArguments = new Option<string[]>("--silo-arg") { Description = "An extra --Key=value for every silo, such as --Silo:GrainDirectory=Cluster or --Orleans:Membership:ProbeTimeout=00:00:02 (repeatable)." };
        var gatewayArguments = new Option<string[]>("--gateway-arg") { Description = "An extra --Key=value for every gateway (repeatable)." };
        faults.Validators.Add(r =>
        {
            if (ParseFaults(r.GetValueOrDefault<string>()) is null)
            {
                r.AddError("--faults takes kill, terminate, pause, gateway, redis (comma-separated) or mixed.");
            }
        });
        users.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 1000) { r.AddError("--users must be from 1 to 1000."); } });
        silos.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 2 or > 10) { r.AddError("--silos must be from 2 to 10."); } });
        gateways.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 5) { r.AddError("--gateways must be from 1 to 5."); } });
        foreach (var seconds in new[] { duration, interval })
        {
            seconds.Validators.Add(r => { if (r.GetValueOrDefault<double?>() is <= 0 or > 86_400) { r.AddError($"{r.Option.Name} must be a positive number of seconds, at most a day."); } });
        }

        var command = new RootCommand(
            "Runs the shop on real processes (Redis, silos, gateways) on loopback, kills and pauses them while simulated users "
            + "shop, and checks that no acknowledged write was lost, none was applied twice, and no grain had two activations.")
        {
            mode, duration, interval, faults, users, silos, gateways, pause, seed, report, history, logs, siloArguments, gatewayArguments,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var preset = result.GetValue(mode) == "long" ? ChaosSettings.Long : ChaosSettings.Short;
            var settings = preset with
            {
                Seed = result.GetValue(seed),
                Duration = result.GetValue(duration) is { } d ? TimeSpan.FromSeconds(d) : preset.Duration,
                Cluster = preset.Cluster with
                {
                    Silos = result.GetValue(silos),
                    Gateways = result.GetValue(gateways),
                    LogDirectory = result.GetValue(logs),
                    SiloArguments = result.GetValue(siloArguments) ?? [],
                    GatewayArguments = result.GetValue(gatewayArguments) ?? [],
                },
                Workload = preset.Workload with { Users = result.GetValue(users) },
                Nemesis = preset.Nemesis with
                {
                    Faults = ParseFaults(result.GetValue(faults))!,
                    Interval = result.GetValue(interval) is { } i ? TimeSpan.FromSeconds(i) : preset.Nemesis.Interval,
                    PauseDuration = TimeSpan.FromSeconds(result.GetValue(pause)),
                },
            };
            try
            {
                var outcome = await ChaosRunner.RunAsync(settings, Console.Out, result.GetValue(history), cancellationToken);
                await File.WriteAllTextAsync(result.GetValue(report)!, JsonSerializer.Serialize(outcome, ChaosJsonContext.Default.ChaosReport), CancellationToken.None);
                Console.WriteLine();
                Console.Write(SummaryWriter.Write(outcome));
                Console.WriteLine($"report: {Path.GetFullPath(result.GetValue(report)!)}");
                return outcome.ExitCode;
            }
            catch (OperationCanceledException)
            {
                await Console.Error.WriteLineAsync("Stopped before the end: every process was stopped; no report.");
                return 2;
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or IOException)
            {
                await Console.Error.WriteLineAsync($"The run could not be carried out: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    internal static IReadOnlyList<FaultKind>? ParseFaults(string? value)
    {
        if (string.Equals(value, "mixed", StringComparison.OrdinalIgnoreCase))
        {
            return Enum.GetValues<FaultKind>();
        }

        var kinds = new List<FaultKind>();
        foreach (var part in (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<FaultKind>(part, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            {
                return null;
            }

            kinds.Add(kind);
        }

        return kinds.Count == 0 ? null : kinds.Distinct().ToList();
    }
}
