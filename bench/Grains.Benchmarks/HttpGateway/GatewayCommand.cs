using System.CommandLine;

namespace Grains.Benchmarks.HttpGateway;

/// <summary>
/// The <c>gateway</c> command: the read path (<c>GET /api/cart</c>) on a silo's own endpoint and through the gateway,
/// against a bare Kestrel endpoint, and a silo taken apart.
/// </summary>
internal static class GatewayCommand
{
    public static Command Create()
    {
        var warmUp = new Option<double>("--warmup", "-w") { Description = "Seconds of load on each target before the rounds.", DefaultValueFactory = _ => 5 };
        var duration = new Option<double>("--duration", "-d") { Description = "Seconds each target is loaded per round.", DefaultValueFactory = _ => 10 };
        var rounds = new Option<int>("--rounds", "-r") { Description = "Rounds: every target once per round, in turn.", DefaultValueFactory = _ => 3 };
        var threads = new Option<int>("--threads", "-t") { Description = "wrk threads.", DefaultValueFactory = _ => 2 };
        var connections = new Option<int>("--connections", "-c") { Description = "wrk connections.", DefaultValueFactory = _ => 64 };
        var targets = new Option<string>("--targets")
        {
            Description = "Comma list of targets, or 'all': " + string.Join(", ", GatewayTargets.All.Select(t => t.Name)) + ".",
            DefaultValueFactory = _ => "all",
        };
        var serverGc = new Option<bool>("--server-gc") { Description = "Server GC in every process (the default of ASP.NET Core apps).", DefaultValueFactory = _ => true };
        foreach (var seconds in new[] { warmUp, duration })
        {
            seconds.Validators.Add(r => { if (r.GetValueOrDefault<double>() is < 0 or > 600) { r.AddError($"{r.Option.Name} must be between 0 and 600 seconds."); } });
        }

        foreach (var positive in new[] { rounds, threads, connections })
        {
            positive.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 1000) { r.AddError($"{r.Option.Name} must be between 1 and 1000."); } });
        }

        targets.Validators.Add(r => { if (Select(r.GetValueOrDefault<string>() ?? string.Empty) is null) { r.AddError($"{r.Option.Name}: unknown target in '{r.GetValueOrDefault<string>()}'."); } });
        var command = new Command(
            "gateway",
            "Measures GET /api/cart on a silo's own endpoint and through the real gateway against a bare Kestrel endpoint "
            + "returning the same bytes, with wrk on 127.0.0.1, and variants that each do part of the request. Starts "
            + "redis-server, a silo, the gateway, a variants silo and the bare endpoint as processes, and stops them all.")
        {
            warmUp, duration, rounds, threads, connections, targets, serverGc,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = new GatewaySettings(
                TimeSpan.FromSeconds(result.GetValue(warmUp)),
                TimeSpan.FromSeconds(Math.Max(1, result.GetValue(duration))),
                result.GetValue(rounds),
                result.GetValue(threads),
                result.GetValue(connections),
                Select(result.GetValue(targets)!)!,
                result.GetValue(serverGc));
            GatewayReport.WriteConditions(Console.Out, settings);
            return await ProcessCommandRun.RunAsync(async () =>
                GatewayReport.WriteSamples(Console.Out, await GatewayRunner.RunAsync(settings, Console.Error, cancellationToken)));
        });
        return command;
    }

    /// <summary>The targets named, in the benchmark's own order; null when a name is unknown.</summary>
    private static List<GatewayTarget>? Select(string names)
    {
        if (names == "all")
        {
            return [.. GatewayTargets.All];
        }

        var wanted = names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        return wanted.All(n => GatewayTargets.All.Any(t => t.Name == n))
            ? [.. GatewayTargets.All.Where(t => wanted.Contains(t.Name))]
            : null;
    }
}
