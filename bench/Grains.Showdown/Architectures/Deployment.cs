using System.Globalization;
using System.Net;
using Grains.Testing;

namespace Grains.Showdown.Architectures;

/// <summary>
/// The processes of one architecture, all on 127.0.0.1: what the load generator talks to (<see cref="Entry"/>), which
/// process the kill takes (<see cref="Victim"/>), and where the API servers count their write retries. Disposing
/// stops every process it started (SIGTERM, then SIGKILL), last started first, by the process object it holds.
/// </summary>
internal sealed class Deployment(string clusterId) : IAsyncDisposable
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(15);

    private readonly List<ProjectProcess> _processes = [];

    /// <summary>Unique per run: Orleans' cluster id and the prefix of its Redis keys.</summary>
    public string ClusterId { get; } = clusterId;

    public IReadOnlyList<ProjectProcess> Processes => _processes;

    public Uri Entry { get; set; } = new("http://127.0.0.1/");

    public ProjectProcess? Victim { get; set; }

    /// <summary>The API servers' <c>/showdown/stats</c> (stateful and stateless only).</summary>
    public IList<Uri> StatsUrls { get; } = [];

    /// <summary>Variables every .NET process gets, so that the architectures run under the same runtime settings.</summary>
    public static IReadOnlyDictionary<string, string> Runtime { get; } = new Dictionary<string, string>
    {
        ["DOTNET_ENVIRONMENT"] = "Production",
        // Workstation GC: six .NET processes share two cores; a server GC heap and thread per core each would fight.
        ["DOTNET_gcServer"] = "0",
    };

    public static Uri LoopbackUrl() => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort.Next()}/"));

    public ProjectProcess Start(string name, string assembly, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var variables = new Dictionary<string, string>(Runtime);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            variables[key] = value;
        }

        var process = ProjectProcess.Start(name, assembly, arguments, variables);
        _processes.Add(process);
        return process;
    }

    /// <summary>Waits until <paramref name="url"/> answers 200; fails at once when <paramref name="process"/> exits.</summary>
    public static async Task WaitUntilOkAsync(HttpClient http, Uri url, ProjectProcess process, CancellationToken cancellationToken)
    {
        try
        {
            await Poll.UntilAsync(
                async () =>
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    EnsureRunning(process);
                    try
                    {
                        using var response = await http.GetAsync(url, cancellationToken);
                        return response.StatusCode == HttpStatusCode.OK;
                    }
                    catch (HttpRequestException)
                    {
                        return false;
                    }
                    catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        return false;
                    }
                },
                s_startTimeout,
                $"{url} to answer 200 ({process})");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}{Environment.NewLine}{process.RecentOutput}", ex);
        }
    }

    /// <summary>Throws when a process other than the victim of a kill has exited: the figures would not be fair.</summary>
    public void EnsureRunning()
    {
        foreach (var process in _processes.Where(p => p != Victim || !p.HasExited))
        {
            EnsureRunning(process);
        }
    }

    /// <summary>Stops every process at once (SIGTERM, then SIGKILL for one that outlasts the timeout).</summary>
    public async ValueTask DisposeAsync()
    {
        var running = _processes.Where(p => !p.HasExited).ToList();
        foreach (var process in running)
        {
            process.Terminate();
        }

        await Task.WhenAll(running.Select(p => p.WaitForExitAsync(s_stopTimeout)));
        foreach (var process in Enumerable.Reverse(_processes))
        {
            await process.DisposeAsync();
        }
    }

    private static void EnsureRunning(ProjectProcess process)
    {
        if (process.HasExited)
        {
            throw new InvalidOperationException($"{process} exited with code {process.ExitCode}:{Environment.NewLine}{process.RecentOutput}");
        }
    }
}
