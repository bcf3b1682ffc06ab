namespace Grains.Benchmarks;

/// <summary>
/// How a command that starts processes ends: 0 once its figures are written; 130, with no figures, when stopped; 1 with
/// the failure's message when a process did not start or went away, a tool is missing or the build is not there.
/// </summary>
internal static class ProcessCommandRun
{
    public static async Task<int> RunAsync(Func<Task> run, Func<Exception, bool>? alsoExpected = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            await run();
            return 0;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Stopped before the end: no figures.");
            return 130;
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or HttpRequestException or FileNotFoundException || alsoExpected?.Invoke(ex) == true)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }
}
