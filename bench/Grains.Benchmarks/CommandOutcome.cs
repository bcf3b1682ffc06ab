namespace Grains.Benchmarks;

/// <summary>
/// How an HTTP benchmark command ends: 0 with its figures; 130 when stopped early; 1 when a process it started, a
/// request or a wait failed, with the failure's message on standard error.
/// </summary>
internal static class CommandOutcome
{
    public static async Task<int> RunAsync(Func<Task> run)
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
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or HttpRequestException or FileNotFoundException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }
}
