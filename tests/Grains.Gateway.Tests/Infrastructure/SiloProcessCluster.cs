using Grains.Testing;

namespace Grains.Gateway.Tests.Infrastructure;

/// <summary>
/// A <see cref="ShopCluster"/> of three silo processes (the built <c>Grains.Silo</c> executable), for tests that need
/// a real crash: <see cref="KillSiloAsync"/> sends SIGKILL to the process it started, by its id.
/// </summary>
public class SiloProcessCluster : ShopCluster
{
    private static readonly TimeSpan s_exitTimeout = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, ProjectProcess> _silos = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _warnings = new();

    public SiloProcessCluster()
        : this(siloCount: 3)
    {
    }

    /// <param name="siloSettings">Override <see cref="ShopCluster.SiloConfiguration"/>, as for the in-process clusters.</param>
    protected SiloProcessCluster(int siloCount, IReadOnlyDictionary<string, string?>? siloSettings = null)
        : base(siloCount, siloSettings)
    {
    }

    /// <summary>
    /// <paramref name="settings"/> with the production failure detection (ShopSiloBuilderExtensions: probes of 1 s, two
    /// missed declare a silo dead), which <see cref="ShopCluster"/> relaxes for silos in the test process: for tests
    /// that ask how a busy or a stopped silo is judged.
    /// </summary>
    protected static IReadOnlyDictionary<string, string?> WithProductionFailureDetection(IReadOnlyDictionary<string, string?> settings) =>
        new Dictionary<string, string?>(settings)
        {
            ["Orleans:Membership:ProbeTimeout"] = "00:00:01",
            ["Orleans:Membership:MinProbeTimeout"] = "00:00:01",
            ["Orleans:Membership:MaxProbeTimeout"] = "00:00:02",
            ["Orleans:Membership:NumMissedProbesLimit"] = "2",
        };

    /// <summary>
    /// What every silo process this cluster started (restarted ones included) logged at warning level or above, each
    /// entry with its next line (the message), in order: for a test's failure message.
    /// </summary>
    public IReadOnlyList<string> Warnings => [.. _warnings];

    /// <summary>The process of the named silo, to watch what it writes.</summary>
    public ProjectProcess SiloProcess(string name) => _silos[name];

    /// <summary>
    /// SIGTERM to the named silo, and a new process of the same name in its place once it has left: a step of a rolling
    /// restart. Returns once the new silo is active and serves HTTP.
    /// </summary>
    public async Task RestartSiloAsync(string name)
    {
        var old = _silos[name];
        old.Terminate();
        Assert.True(await old.WaitForExitAsync(s_exitTimeout), $"{old} did not exit after SIGTERM:{Environment.NewLine}{old.RecentOutput}");
        Assert.Equal(0, old.ExitCode);
        _silos.Remove(name);
        await old.DisposeAsync();
        await LaunchSiloAsync(name);
        await WaitUntilActiveAsync([name]);
    }

    /// <summary>kill -9 of the named silo's process: no goodbye to the cluster, its activations lost, its sockets closed by the kernel.</summary>
    public async Task KillSiloAsync(string name)
    {
        var silo = _silos[name];
        silo.Kill();
        Assert.True(await silo.WaitForExitAsync(s_exitTimeout), $"{silo} did not exit after SIGKILL");
    }

    protected sealed override Task LaunchSiloAsync(string name)
    {
        var arguments = SiloConfiguration(name).Select(setting => $"--{setting.Key}={setting.Value}");
        var process = ProjectProcess.Start(name, RepositoryPaths.BuiltAssembly("Grains.Silo"), arguments);
        string? level = null;
        process.LineWritten += line =>
        {
            if (level is not null)
            {
                _warnings.Enqueue($"{name} {level} {line.Trim()}");
                level = null;
            }
            else if (line.Contains("warn: ", StringComparison.Ordinal) || line.Contains("fail: ", StringComparison.Ordinal))
            {
                level = line.Trim();
            }
        };
        _silos.Add(name, process);
        return Task.CompletedTask;
    }

    protected sealed override void ThrowIfASiloFailed()
    {
        if (_silos.Values.FirstOrDefault(s => s.HasExited) is { } failed)
        {
            throw new InvalidOperationException($"{failed} exited with code {failed.ExitCode} while the cluster started:{Environment.NewLine}{failed.RecentOutput}");
        }
    }

    protected sealed override async Task StopSilosAsync()
    {
        foreach (var silo in _silos.Values)
        {
            await silo.DisposeAsync();
        }
    }
}
