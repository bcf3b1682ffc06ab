using System.Collections.Concurrent;
using System.Diagnostics;

namespace Grains.Testing;

/// <summary>
/// A real process of one of the project's executables (silo, gateway), started with <c>dotnet app.dll args</c>.
/// It is stopped by the id it was started with, with real signals; disposing kills it if it still runs.
/// Its output is kept for failure messages.
/// </summary>
public sealed class ProjectProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TextWriter? _log;

    private ProjectProcess(string name, Process process, TextWriter? log)
    {
        Name = name;
        _process = process;
        _log = log;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Raised with every line the process writes, on the thread that read it; for watchers that count events.</summary>
    public event Action<string>? LineWritten;

    /// <summary>The last lines the process wrote, for diagnostics.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output.TakeLast(60));

    /// <param name="environment">Extra environment variables, for values that must not show on a command line (keys).</param>
    /// <param name="log">Where to copy every line the process writes, besides the recent lines kept in memory; the caller disposes it.</param>
    public static ProjectProcess Start(
        string name, string assemblyPath, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(assemblyPath);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        var result = new ProjectProcess(name, process, log is null ? null : TextWriter.Synchronized(log));
        process.OutputDataReceived += (_, e) => result.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => result.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return result;
    }

    /// <summary>kill -9: the process dies at once, without any cleanup.</summary>
    public void Kill() => Signal(Signals.SigKill);

    /// <summary>SIGTERM: the process shuts down gracefully.</summary>
    public void Terminate() => Signal(Signals.SigTerm);

    /// <summary>SIGSTOP: the process freezes with its sockets open.</summary>
    public void Pause() => Signal(Signals.SigStop);

    /// <summary>SIGCONT: a paused process runs on.</summary>
    public void Resume() => Signal(Signals.SigCont);

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // A paused process must run on to die of SIGKILL promptly in every kernel; SIGCONT first is harmless.
            TrySignal(Signals.SigCont);
            TrySignal(Signals.SigKill);
            await WaitForExitAsync(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
    }

    public override string ToString() => $"{Name} (pid {_process.Id})";

    private void Signal(int signal)
    {
        if (!_process.HasExited)
        {
            Signals.Send(_process.Id, signal);
        }
    }

    private void TrySignal(int signal)
    {
        try
        {
            Signal(signal);
        }
        catch (InvalidOperationException)
        {
            // It exited meanwhile.
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _log?.WriteLine(line);
        LineWritten?.Invoke(line);
        _output.Enqueue(line);
        while (_output.Count > 500)
        {
            _output.TryDequeue(out _);
        }
    }
}
