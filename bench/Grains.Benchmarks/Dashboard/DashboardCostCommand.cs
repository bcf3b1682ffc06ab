using System.CommandLine;

namespace Grains.Benchmarks.Dashboard;

/// <summary>The <c>dashboard</c> command: what the dashboard and the placement view cost the cluster's CPU, off, on and idle, and watched.</summary>
internal static class DashboardCostCommand
{
    public static Command Create()
    {
        var warmUp = new Option<double>("--warmup", "-w") { Description = "Seconds each cluster settles before it is measured.", DefaultValueFactory = _ => 20 };
        var duration = new Option<double>("--duration", "-d") { Description = "Seconds each mode is measured.", DefaultValueFactory = _ => 30 };
        var rounds = new Option<int>("--rounds", "-r") { Description = "Rounds: every mode once per round, each on a fresh cluster.", DefaultValueFactory = _ => 2 };
        var silos = new Option<int>("--silos") { Description = "Silo processes.", DefaultValueFactory = _ => 3 };
        var users = new Option<int>("--users") { Description = "Users given a cart before measuring.", DefaultValueFactory = _ => 200 };
        var modes = new Option<string>("--modes")
        {
            Description = "Comma list of modes, or 'all': " + string.Join(", ", Enum.GetNames<DashboardMode>()) + ". Each mode but Off is measured beside an Off cluster of its own.",
            DefaultValueFactory = _ => "all",
        };
        modes.Validators.Add(r =>
        {
            var parsed = ParseModes(r.GetValueOrDefault<string>() ?? string.Empty);
            if (parsed is null)
            {
                r.AddError($"--modes: unknown mode in '{r.GetValueOrDefault<string>()}'.");
            }
            else if (!parsed.Any(m => m != DashboardMode.Off))
            {
                r.AddError("--modes needs a mode besides Off: Off is measured beside each of them.");
            }
        });
        foreach (var seconds in new[] { warmUp, duration })
        {
            seconds.Validators.Add(r => { if (r.GetValueOrDefault<double>() is < 1 or > 600) { r.AddError($"{r.Option.Name} must be between 1 and 600 seconds."); } });
        }

        rounds.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 20) { r.AddError("--rounds must be between 1 and 20."); } });
        silos.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 9) { r.AddError("--silos must be between 1 and 9."); } });
        users.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 0 or > 100_000) { r.AddError("--users must be between 0 and 100000."); } });
        var command = new Command(
            "dashboard",
            "Measures the CPU of the silos and the gateway (from /proc/<pid>/stat) with the dashboard off, on with nobody watching, "
            + "and watched by one headless Chromium (the Orleans dashboard, then the placement view), each beside a cluster with the "
            + "dashboard off, in the same window. Starts redis-server, the silos and the gateway as processes for each cluster, and stops them all.")
        {
            warmUp, duration, rounds, silos, users, modes,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = new DashboardCostSettings(
                TimeSpan.FromSeconds(result.GetValue(warmUp)),
                TimeSpan.FromSeconds(result.GetValue(duration)),
                result.GetValue(rounds),
                result.GetValue(silos),
                result.GetValue(users),
                ParseModes(result.GetValue(modes)!)!);
            return await ProcessCommandRun.RunAsync(
                async () => DashboardCostReport.Write(Console.Out, settings, await DashboardCostRunner.RunAsync(settings, Console.Error, cancellationToken)),
                ex => ex is Microsoft.Playwright.PlaywrightException);
        });
        return command;
    }

    private static List<DashboardMode>? ParseModes(string names)
    {
        if (names == "all")
        {
            return [.. Enum.GetValues<DashboardMode>()];
        }

        var modes = new List<DashboardMode>();
        foreach (var name in names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<DashboardMode>(name, ignoreCase: true, out var mode) || !Enum.IsDefined(mode))
            {
                return null;
            }

            modes.Add(mode);
        }

        return modes.Count == 0 ? null : modes;
    }
}
