using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;

namespace Grains.Benchmarks;

/// <summary>
/// The silo as a child process of the benchmark (this same executable, <c>silo</c> command), talked to through
/// its standard input and output. Disposing stops it, and kills it through its <see cref="Process"/> if it does not
/// stop in time.
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    public const string ReadyPrefix = "ready ";
    public const string StatsPrefix = "stats ";
    public const string StatsRequest = "stats";
    public const string StopRequest = "stop";

    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly Channel<string> _output = Channel.CreateUnbounded<string>();
    private readonly ConcurrentQueue<string> _errors = new();

    private SiloProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _output.Writer.TryComplete();
            }
            else
            {
                _output.Writer.TryWrite(e.Data);
            }
        };
        process.ErrorDataReceived += (sender, e) =>
        {
            if (e.Data is not null)
            {
                _errors.Enqueue(e.Data);
                while (_errors.Count > 50)
                {
                    _errors.TryDequeue(out _);
                }
            }
        };
    }

    /// <summary>The silo's address as Orleans prints it (<c>S127.0.0.1:port:generation</c>).</summary>
    public string Address { get; private set; } = string.Empty;

    public int ProcessId => _process.Id;

    public static async Task<SiloProcess> StartAsync(
        string redis, string clusterId, SiloFilters filters, string? journalDirectory, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (string.Equals(Path.GetFileNameWithoutExtension(info.FileName), "dotnet", StringComparison.Ordinal))
        {
            // Started as "dotnet Grains.Benchmarks.dll": the child needs the entry assembly too.
            info.ArgumentList.Add(typeof(SiloProcess).Assembly.Location);
        }

        info.ArgumentList.Add("silo");
        info.ArgumentList.Add("--redis");
        info.ArgumentList.Add(redis);
        info.ArgumentList.Add("--cluster-id");
        info.ArgumentList.Add(clusterId);
        info.ArgumentList.Add("--filters");
        info.ArgumentList.Add(SiloFilterNames.Format(filters));
        if (journalDirectory is not null)
        {
            info.ArgumentList.Add("--journal-dir");
            info.ArgumentList.Add(journalDirectory);
        }

        var silo = new SiloProcess(new Process { StartInfo = info });
        silo._process.Start();
        silo._process.BeginOutputReadLine();
        silo._process.BeginErrorReadLine();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(s_startTimeout);
            try
            {
                silo.Address = await silo.ReadLineAsync(ReadyPrefix, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The silo process did not start within {s_startTimeout}.{Environment.NewLine}{silo.RecentErrors()}");
            }

            return silo;
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    public async Task<ProcessStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _process.StandardInput.WriteLineAsync(StatsRequest.AsMemory(), cancellationToken);
            await _process.StandardInput.FlushAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException($"The silo process exited.{Environment.NewLine}{RecentErrors()}", ex);
        }

        return ProcessStats.Parse(await ReadLineAsync(StatsPrefix, cancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await _process.StandardInput.WriteLineAsync(StopRequest);
                _process.StandardInput.Close();
            }
        }
        catch (IOException)
        {
            // It is exiting already.
        }

        using (var timeout = new CancellationTokenSource(s_stopTimeout))
        {
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }

        _process.Dispose();
    }

    private async Task<string> ReadLineAsync(string prefix, CancellationToken cancellationToken)
    {
        await foreach (var line in _output.Reader.ReadAllAsync(cancellationToken))
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line[prefix.Length..];
            }
        }

        throw new InvalidOperationException($"The silo process exited.{Environment.NewLine}{RecentErrors()}");
    }

    private string RecentErrors() => string.Join(Environment.NewLine, _errors);
}
