using System.CommandLine;
using Grains.Testing;

namespace Grains.Showdown.Overload;

/// <summary><c>dotnet run -c Release --project bench/Grains.Showdown -- overload [--phase-seconds 60] [--admission off]</c>.</summary>
internal static class OverloadCommand
{
    public static Command Create()
    {
        var seconds = new Option<int>("--phase-seconds") { Description = "How long each phase offers its load.", DefaultValueFactory = _ => 60 };
        seconds.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 5 or > 600) { r.AddError("--phase-seconds takes 5 to 600."); } });
        var admission = new Option<string>("--admission") { Description = "on (the product) or off (nothing bounds the work a process accepts).", DefaultValueFactory = _ => "on" };
        admission.AcceptOnlyFromAmong("on", "off");
        var output = new Option<string?>("--out") { Description = "Folder for overload.md and overload.svg (docs/ by default; with --admission off, nothing is written unless given)." };
        var command = new Command(
            "overload",
            "Offers the product, two silos behind the gateway, open-loop reads at 0.5x, 1x, 2x and 4x its measured capacity and "
            + "then 0.5x again; reports goodput, the latency of the admitted requests, the shed ones, silos declared dead or "
            + "fenced, and how soon service is whole again.")
        {
            seconds, admission, output,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var on = result.GetValue(admission) == "on";
            var settings = OverloadSettings.Default(TimeSpan.FromSeconds(result.GetValue(seconds)), on);
            var directory = result.GetValue(output) ?? (on ? Path.Combine(RepositoryPaths.Root, "docs") : null);
            try
            {
                var run = await OverloadRunner.RunAsync(settings, Console.Out, cancellationToken);
                var line = ShowdownCommand.BaseCommand + " -- overload" + string.Concat(GivenOptions(result, seconds, admission));
                var report = OverloadReport.Markdown(settings, run, line);
                await Console.Out.WriteLineAsync(report);
                if (directory is not null)
                {
                    Directory.CreateDirectory(directory);
                    await File.WriteAllTextAsync(Path.Combine(directory, "overload.md"), report, cancellationToken);
                    await File.WriteAllTextAsync(Path.Combine(directory, "overload.svg"), OverloadReport.Svg(run), cancellationToken);
                    await Console.Out.WriteLineAsync($"Wrote overload.md and overload.svg in {directory}.");
                }

                return run.Phases.All(p => p.DeadSilos == 0) ? 0 : 1;
            }
            catch (OperationCanceledException)
            {
                await Console.Error.WriteLineAsync("Stopped before the end: no figures.");
                return 130;
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or HttpRequestException)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 1;
            }
        });
        return command;
    }

    private static IEnumerable<string> GivenOptions(ParseResult result, Option<int> seconds, Option<string> admission)
    {
        if (result.GetResult(seconds) is { Implicit: false })
        {
            yield return $" --phase-seconds {result.GetValue(seconds)}";
        }

        if (result.GetResult(admission) is { Implicit: false })
        {
            yield return $" --admission {result.GetValue(admission)}";
        }
    }
}
