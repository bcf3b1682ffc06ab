using System.Diagnostics;
using System.Globalization;

namespace Grains.Benchmarks.HttpGateway;

/// <summary>Runs wrk (from the PATH, or /usr/bin/wrk) against one loopback URL for a bounded time.</summary>
internal static class Wrk
{
    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Select(directory => Path.Combine(directory, "wrk"))
            .FirstOrDefault(File.Exists);

    /// <exception cref="InvalidOperationException">wrk failed or printed no figures.</exception>
    public static async Task<WrkResult> RunAsync(
        string wrk, Uri url, IReadOnlyDictionary<string, string> headers, int threads, int connections, TimeSpan duration, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(wrk)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "-t", threads.ToString(CultureInfo.InvariantCulture),
            "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (int)Math.Round(duration.TotalSeconds))}s"),
            "--timeout", "10s",
            "--latency",
        })
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in headers)
        {
            info.ArgumentList.Add("-H");
            info.ArgumentList.Add($"{name}: {value}");
        }

        info.ArgumentList.Add(url.ToString());
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {wrk}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(duration + TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk exited with code {process.ExitCode}: {await stderr}{await stdout}");
        }

        try
        {
            return WrkResult.Parse(await stdout);
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException(ex.Message, ex);
        }
    }
}
