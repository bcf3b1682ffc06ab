using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Grains.Chaos.Checking;
using Grains.Hosting.Cluster;
using Grains.Shop.Carts;
using Grains.Silo.ActivationJournal;
using Grains.Testing;
using StackExchange.Redis;

namespace Grains.Chaos.Cluster;

/// <summary>
/// The system under test as real processes on loopback: a Redis server logging every write to its append-only file
/// before acknowledging it, silos that serve the API and journal their activations into one directory, and gateways on
/// fixed ports in front of them.
/// Every process is started and stopped by the id it was started with; disposing stops all of them, also after a
/// failed run.
/// </summary>
public sealed class ChaosCluster : IAsyncDisposable
{
    /// <summary>UTC wall-clock times on every log line, to line the logs up with the faults, the history and the journals.</summary>
    private static readonly string[] s_logTimestamps =
        ["--Logging:Console:FormatterOptions:TimestampFormat=HH:mm:ss.fff ", "--Logging:Console:FormatterOptions:UseUtcTimestamp=true"];

    private readonly ChaosClusterOptions _options;
    private readonly string _tokenKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly List<ClusterProcess> _silos = [];
    private readonly List<ClusterProcess> _retired = [];
    private readonly ClusterProcess?[] _gateways;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly List<StreamWriter> _logs = [];
    private readonly List<ProcessCrash> _crashes = [];
    private readonly bool _ownsJournalDirectory;
    private RedisServer? _redis;
    private ConnectionMultiplexer? _store;
    private ClusterRoster? _membership;
    private int _siloCount;

    private ChaosCluster(ChaosClusterOptions options, string clusterId)
    {
        _options = options;
        ClusterId = clusterId;
        // Kept beside the logs when the run keeps logs (evidence for a failed run); otherwise a scratch directory.
        _ownsJournalDirectory = options.LogDirectory is null;
        JournalDirectory = Path.GetFullPath(options.LogDirectory is { } logs
            ? Path.Combine(logs, "journal-" + clusterId)
            : Path.Combine(Path.GetTempPath(), "grains-chaos", clusterId));
        _gateways = new ClusterProcess?[options.Gateways];
        GatewayUrls = [.. Enumerable.Range(0, options.Gateways).Select(_ => new Uri($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}"))];
    }

    public string ClusterId { get; }

    public IReadOnlyList<Uri> GatewayUrls { get; }

    /// <summary>Where every silo appends its activation journal (<c>&lt;silo name&gt;.journal</c>).</summary>
    public string JournalDirectory { get; }

    public RedisServer Redis => _redis ?? throw new InvalidOperationException("The cluster has not started.");

    /// <summary>Processes of the run that died of an unhandled exception, so far.</summary>
    public IReadOnlyList<ProcessCrash> Crashes
    {
        get
        {
            lock (_crashes)
            {
                return [.. _crashes];
            }
        }
    }

    /// <summary>The silos running now.</summary>
    public IReadOnlyList<ClusterProcess> Silos
    {
        get
        {
            lock (_silos)
            {
                return [.. _silos];
            }
        }
    }

    public static async Task<ChaosCluster> StartAsync(ChaosClusterOptions options, string clusterId, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var cluster = new ChaosCluster(options, clusterId);
        try
        {
            cluster._redis = await RedisServer.StartAsync(new RedisServerOptions { AppendOnly = true });
            await log.WriteLineAsync($"store: {cluster._redis} (append-only file, fsync always)");
            cluster._store = await ConnectionMultiplexer.ConnectAsync($"{cluster._redis.ConnectionString},abortConnect=false,connectRetry=5");
            Directory.CreateDirectory(cluster.JournalDirectory);
            // The silos are started without a service id of their own, so it is the cluster id.
            cluster._membership = new ClusterRoster(cluster._store, serviceId: clusterId, clusterId);
            await log.WriteLineAsync($"activation journals: {cluster.JournalDirectory}");
            var silos = Enumerable.Range(0, options.Silos).Select(_ => cluster.StartSiloAsync()).ToList();
            foreach (var silo in await Task.WhenAll(silos))
            {
                await log.WriteLineAsync($"silo: {silo}");
            }

            await Task.WhenAll(Enumerable.Range(0, options.Gateways).Select(cluster.StartGatewayAsync));
            foreach (var gateway in cluster._gateways)
            {
                await log.WriteLineAsync($"gateway: {gateway}");
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a new silo with a name never used before in the run, and waits until the membership shows it active.</summary>
    public async Task<ClusterProcess> StartSiloAsync()
    {
        // A name is never reused within a run: it names the silo's journal file and tells its rows apart.
        var name = $"silo-{Interlocked.Increment(ref _siloCount).ToString(CultureInfo.InvariantCulture)}";
        // Port 0: the silo binds free ports itself, so it can never take a gateway's port (or another silo's).
        var process = ProjectProcess.Start(name, RepositoryPaths.BuiltAssembly("Grains.Silo"),
        [
            $"--Redis:ConnectionString={Redis.ConnectionString}",
            $"--Cluster:Id={ClusterId}",
            $"--Silo:Name={name}",
            "--Silo:Port=0",
            "--Silo:GatewayPort=0",
            $"--ActivationJournal:Directory={JournalDirectory}",
            "--urls=http://127.0.0.1:0",
            // The workload's users send far fewer requests than this; the limit must never be what fails them.
            "--Api:RateLimit:TokenLimit=1000",
            "--Api:RateLimit:TokensPerPeriod=1000",
            // Its users all sign in from this one address, at once.
            "--Api:SignInRateLimit:PerAddress:TokenLimit=100000",
            "--Api:SignInRateLimit:PerAddress:TokensPerPeriod=100000",
            "--Api:SignInRateLimit:Global:TokenLimit=100000",
            "--Api:SignInRateLimit:Global:TokensPerPeriod=100000",
            // Its users check out every few seconds each, faster than a shopper (Cart:CheckoutLimit's default is 10 a minute).
            $"--Cart:CheckoutLimit={CartOptions.MaxCheckoutLimit}",
            "--Cart:CheckoutLimitWindow=00:00:01",
            "--Logging:LogLevel:Default=Warning",
            // Orleans' membership decisions (who joined, who was declared dead and by whom), to line up with the faults.
            "--Logging:LogLevel:Orleans.Runtime.MembershipService=Information",
            .. s_logTimestamps,
            .. _options.SiloArguments,
        ], new Dictionary<string, string>(StringComparer.Ordinal) { ["Api__TokenKey"] = _tokenKey }, WatchOutput(name));
        var starting = new ClusterProcess(name, 0, process);
        lock (_silos)
        {
            _silos.Add(starting);
        }

        MembershipRow? joined = null;
        await WaitUntilAsync(
            async () => (joined = (await ReadMembershipAsync()).FirstOrDefault(m => m.Name == name && m.Status == MembershipStatus.Active)) is not null,
            starting,
            "to join the cluster");
        var silo = starting with { Port = joined!.Port };
        lock (_silos)
        {
            _silos[_silos.IndexOf(starting)] = silo;
        }

        return silo;
    }

    /// <summary>Takes a silo out of the running set once the nemesis has stopped it; its process is kept for the final cleanup.</summary>
    public void Retire(ClusterProcess silo)
    {
        lock (_silos)
        {
            _silos.Remove(silo);
            _retired.Add(silo);
        }
    }

    public ClusterProcess? Gateway(int index) => _gateways[index];

    /// <summary>Starts gateway <paramref name="index"/> on its fixed port (after a kill: again), and waits until it is ready.</summary>
    public async Task<ClusterProcess> StartGatewayAsync(int index)
    {
        if (_gateways[index] is { } old)
        {
            lock (_silos)
            {
                _retired.Add(old);
            }
        }

        var url = GatewayUrls[index];
        var name = $"gateway-{(index + 1).ToString(CultureInfo.InvariantCulture)}";
        var process = ProjectProcess.Start(name, RepositoryPaths.BuiltAssembly("Grains.Gateway"),
            [
                $"--urls={url}",
                $"--Redis:ConnectionString={Redis.ConnectionString}",
                $"--Cluster:Id={ClusterId}",
                "--Logging:LogLevel:Default=Warning",
                .. s_logTimestamps,
                .. _options.GatewayArguments,
            ],
            log: WatchOutput(name));
        var gateway = new ClusterProcess(name, url.Port, process);
        _gateways[index] = gateway;
        await WaitUntilAsync(() => IsReadyAsync(url), gateway, "to be ready");
        return gateway;
    }

    /// <summary>Whether every gateway answers ready and exactly the expected number of silos is active.</summary>
    public async Task<bool> IsHealthyAsync()
    {
        try
        {
            var active = (await ReadMembershipAsync()).Count(m => m.Status == MembershipStatus.Active);
            if (active != _options.Silos)
            {
                return false;
            }

            foreach (var url in GatewayUrls)
            {
                if (!await IsReadyAsync(url))
                {
                    return false;
                }
            }

            return true;
        }
        catch (RedisException)
        {
            return false;
        }
    }

    /// <exception cref="RedisException">Redis could not be reached.</exception>
    public Task<IReadOnlyList<MembershipRow>> ReadMembershipAsync() => _membership!.ReadMembershipAsync();

    /// <summary>
    /// Whether <paramref name="silo"/> has journaled the start of an activation of a grain with state (not a stateless
    /// worker): a silo fault then has grains to fail over. Reads the silo's journal only up to the first such start.
    /// </summary>
    public bool HasHostedGrains(ClusterProcess silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var path = Path.Combine(JournalDirectory, silo.Name + ActivationJournalWriter.FileExtension);
        if (!File.Exists(path))
        {
            return false;
        }

        // The silo keeps appending to its file while it is read.
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(file);
        while (reader.ReadLine() is { } line)
        {
            if (ActivationJournalEntry.TryParse(line) is { Kind: ActivationJournalEntryKind.Started, Grain: { } grain } && ActivationChecker.HasSingleActivation(grain))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every silo's activation journal so far.</summary>
    public IReadOnlyList<ActivationJournalEntry> ReadJournal() => ActivationJournalEntry.ReadAll(JournalDirectory);

    /// <summary>The last lines of every process of the run, for a report of a failed run.</summary>
    public IReadOnlyDictionary<string, string> RecentOutput()
    {
        lock (_silos)
        {
            var output = _silos.Concat(_retired).Concat(_gateways.OfType<ClusterProcess>())
                .DistinctBy(p => p.Process.Id)
                .ToDictionary(p => $"{p.Name} (pid {p.Process.Id})", p => p.Process.RecentOutput, StringComparer.Ordinal);
            output["redis"] = Redis.RecentOutput;
            return output;
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<ClusterProcess> all;
        lock (_silos)
        {
            all = [.. _gateways.OfType<ClusterProcess>(), .. _silos, .. _retired];
        }

        foreach (var process in all)
        {
            await process.Process.DisposeAsync();
        }

        _store?.Dispose();
        _http.Dispose();
        lock (_logs)
        {
            foreach (var log in _logs)
            {
                log.Dispose();
            }
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        if (_ownsJournalDirectory)
        {
            try
            {
                Directory.Delete(JournalDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A scratch directory under the temp directory; leaving it behind harms nothing.
            }
        }
    }

    /// <summary>Where a process's output goes: watched for a crash, and into its log file when the run keeps logs.</summary>
    private CrashWatchingWriter WatchOutput(string name) => new(name, OpenLog(name), crash =>
    {
        lock (_crashes)
        {
            _crashes.Add(crash);
        }
    });

    /// <summary>The log file of a process, when the run keeps logs; a restarted gateway appends to its predecessor's.</summary>
    private StreamWriter? OpenLog(string name)
    {
        if (_options.LogDirectory is not { } directory)
        {
            return null;
        }

        Directory.CreateDirectory(directory);
        var log = new StreamWriter(Path.Combine(directory, name + ".log"), append: true) { AutoFlush = true };
        lock (_logs)
        {
            _logs.Add(log);
        }

        return log;
    }

    private async Task<bool> IsReadyAsync(Uri gateway)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri(gateway, "/health/ready"));
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private async Task WaitUntilAsync(Func<Task<bool>> condition, ClusterProcess process, string what)
    {
        var deadline = DateTime.UtcNow + _options.StartTimeout;
        while (true)
        {
            if (process.Process.HasExited)
            {
                throw new InvalidOperationException($"{process} exited with code {process.Process.ExitCode} before it came {what}:{Environment.NewLine}{process.Process.RecentOutput}");
            }

            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (RedisException)
            {
                // The store is restarting; ask again.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{process} did not come {what} within {_options.StartTimeout.TotalSeconds:0} s:{Environment.NewLine}{process.Process.RecentOutput}");
            }

            await Task.Delay(100);
        }
    }
}
