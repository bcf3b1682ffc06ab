using System.CommandLine;
using Grains.Testing;

namespace Grains.Showdown;

/// <summary><c>dotnet run -c Release --project bench/Grains.Showdown [-- --quick] [--out DIR]</c>.</summary>
internal static class ShowdownCommand
{
    public const string BaseCommand = "dotnet run -c Release --project bench/Grains.Showdown";

    public static RootCommand Create()
    {
        var quick = new Option<bool>("--quick") { Description = "The short mode (under two minutes), as the test runs it." };
        var output = new Option<string>("--out")
        {
            Description = "Folder for showdown.md, showdown.svg and showdown.json.",
            DefaultValueFactory = _ => Path.Combine(RepositoryPaths.Root, "docs"),
        };
        var command = new RootCommand(
            "Runs the shop API as stateful in-memory servers, as stateless servers on Redis and on Orleans, under the same "
            + "load and Redis; measures throughput, latency, CPU and store operations per request; kills one server process "
            + "mid-run and counts what was lost.")
        {
            quick, output,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var directory = Path.GetFullPath(result.GetValue(output)!);
            var line = BaseCommand + (result.GetValue(quick) ? " --quick" : string.Empty)
                + (result.GetResult(output) is { Implicit: false } ? $" --out {result.GetValue(output)}" : string.Empty);
            var settings = result.GetValue(quick) ? ShowdownSettings.Short(directory, line) : ShowdownSettings.Full(directory, line);
            try
            {
                var report = await ShowdownRunner.RunAsync(settings, Console.Out, cancellationToken);
                await Console.Out.WriteLineAsync($"Wrote {string.Join(", ", ShowdownRunner.OutputFiles.Select(f => Path.Combine(directory, f)))}.");
                return report.Architectures.Count == 3 ? 0 : 1;
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
}
