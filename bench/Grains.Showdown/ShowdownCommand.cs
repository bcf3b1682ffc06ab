using System.CommandLine;
using System.Globalization;
using Grains.Testing;

namespace Grains.Showdown;

/// <summary><c>dotnet run -c Release --project bench/Grains.Showdown [-- --quick] [--out DIR]</c>.</summary>
internal static class ShowdownCommand
{
    public const string BaseCommand = "dotnet run -c Release --project bench/Grains.Showdown";

    public static RootCommand Create()
    {
        var quick = new Option<bool>("--quick") { Description = "The short mode (a few minutes), as the test runs it." };
        var rate = new Option<double?>("--rate")
        {
            Description = "The fixed offered rate of the open-loop phases, in requests/s; by default half of the stateless architecture's saturation throughput, measured first.",
        };
        rate.Validators.Add(r => { if (r.GetValueOrDefault<double?>() is <= 0) { r.AddError("--rate must be positive."); } });
        var only = new Option<string>("--architectures")
        {
            Description = "Comma list of the architectures to run, in the order to run them (stateful, stateless, orleans, orleans-client); all by default, stateless first. Unless stateless runs first, give --rate.",
            DefaultValueFactory = _ => string.Join(',', ShowdownRunner.DefaultRunOrder),
        };
        only.Validators.Add(r =>
        {
            var names = Names(r.GetValueOrDefault<string>() ?? string.Empty);
            if (names.Count == 0 || names.Any(n => !ShowdownRunner.ArchitectureNames.Contains(n)))
            {
                r.AddError($"--architectures takes names among {string.Join(", ", ShowdownRunner.ArchitectureNames)}.");
            }
        });
        var output = new Option<string>("--out")
        {
            Description = "Folder for showdown.md, showdown.svg and showdown.json.",
            DefaultValueFactory = _ => Path.Combine(RepositoryPaths.Root, "docs"),
        };
        var command = new RootCommand(
            "Runs the shop API as stateful in-memory servers, as stateless servers on Redis, as this project's silos behind "
            + "its gateway, and as Orleans-client API servers, each behind the same proxy, under the same load and Redis; "
            + "measures saturation throughput, latency at a fixed rate, CPU and store operations per request, a shared cart "
            + "and large carts; kills one server process mid-run and counts what was lost.")
        {
            quick, output, rate, only,
            Locality.LocalityCommand.Create(),
            Overload.OverloadCommand.Create(),
        };
        command.Validators.Add(r =>
        {
            var chosen = r.GetValue(only) is { } list ? Names(list) : [.. ShowdownRunner.DefaultRunOrder];
            if (chosen.FirstOrDefault() != "stateless" && r.GetValue(rate) is null)
            {
                r.AddError("Unless the stateless architecture runs first, give the fixed rate with --rate.");
            }
        });
        command.SetAction(async (result, cancellationToken) =>
        {
            var directory = Path.GetFullPath(result.GetValue(output)!);
            var line = BaseCommand + (result.GetValue(quick) ? " --quick" : string.Empty)
                + (result.GetResult(output) is { Implicit: false } ? $" --out {result.GetValue(output)}" : string.Empty)
                + (result.GetValue(rate) is { } given ? string.Create(CultureInfo.InvariantCulture, $" --rate {given}") : string.Empty)
                + (result.GetResult(only) is { Implicit: false } ? $" --architectures {result.GetValue(only)}" : string.Empty);
            var architectures = Names(result.GetValue(only)!);
            var settings = (result.GetValue(quick)
                ? ShowdownSettings.Short(directory, line, result.GetValue(rate))
                : ShowdownSettings.Full(directory, line, result.GetValue(rate))) with { Architectures = architectures };
            try
            {
                var report = await ShowdownRunner.RunAsync(settings, Console.Out, cancellationToken);
                await Console.Out.WriteLineAsync($"Wrote {string.Join(", ", ShowdownRunner.OutputFiles.Select(f => Path.Combine(directory, f)))}.");
                return report.Architectures.Count == architectures.Count ? 0 : 1;
            }
            catch (OperationCanceledException)
            {
                await Console.Error.WriteLineAsync("Stopped before the end: no report.");
                return 130;
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or HttpRequestException)
            {
                // A process failed to start or died outside the planned kill: there is nothing fair to report.
                await Console.Error.WriteLineAsync(ex.Message);
                return 1;
            }
        });
        return command;
    }

    private static List<string> Names(string list) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
}
