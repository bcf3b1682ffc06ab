using System.CommandLine;

namespace Grains.Showdown.Locality;

/// <summary><c>dotnet run -c Release --project bench/Grains.Showdown -- locality</c>.</summary>
internal static class LocalityCommand
{
    public static Command Create()
    {
        var command = new Command(
            "locality",
            "Measures, second by second, the share of requests the silos serve with every grain call in-process, through the "
            + "gateway under load: on two silos, across a third joining, and across a kill -9 of one.");
        command.SetAction(async (_, cancellationToken) =>
        {
            var settings = LocalitySettings.Default;
            try
            {
                var samples = await LocalityRunner.RunAsync(settings, Console.Out, cancellationToken);
                LocalityReport.Write(Console.Out, samples, settings);
                return 0;
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
}
