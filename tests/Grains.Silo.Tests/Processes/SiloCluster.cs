using System.Collections.Concurrent;
using System.Globalization;
using Grains.Hosting;
using Grains.Hosting.Cluster;
using Grains.Hosting.Redis;
using Grains.Shop.Contracts.Carts;
using Grains.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Clustering.Redis;
using Orleans.Configuration;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Grains.Silo.Tests.Processes;

/// <summary>
/// A real cluster for one test: its own redis-server on a free loopback port, <see cref="SiloClusterOptions.SiloCount"/>
/// processes of the built Grains.Silo under their own cluster id (each picks its own free ports), and an Orleans
/// client in the test process configured like the gateway's. Disposing it stops the client, kills every silo process
/// it started (by pid) and stops Redis, also when the test failed; a start that fails half-way cleans up the same way.
/// </summary>
public sealed class SiloCluster : IAsyncDisposable
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(120);
    private static readonly ConcurrentDictionary<SiloCluster, byte> s_running = new();

    private readonly SiloClusterOptions _options;
    private readonly ITestOutputHelper _output;
    private readonly List<ProjectProcess> _silos = [];
    private readonly Dictionary<string, SiloLog> _logs = [];
    private RedisServer? _redis;
    private ConnectionMultiplexer? _redisClient;
    private IHost? _client;

    static SiloCluster()
    {
        // A test host that is stopped without disposing its fixtures must not leave silo processes behind.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var cluster in s_running.Keys)
            {
                cluster.KillAll();
            }
        };
    }

    private SiloCluster(SiloClusterOptions options, ITestOutputHelper output)
    {
        _options = options;
        _output = output;
        JournalDirectory = options.Journal ? Directory.CreateTempSubdirectory("grains-journal-").FullName : null;
    }

    public string ClusterId { get; } = ClusterIds.Next();

    public RedisServer Redis => _redis ?? throw new InvalidOperationException("The cluster has not started.");

    public IClusterClient Client => _client?.Services.GetRequiredService<IClusterClient>() ?? throw new InvalidOperationException("The cluster has not started.");

    /// <summary>Where the silos write their activation journals, when <see cref="SiloClusterOptions.Journal"/> is set.</summary>
    public string? JournalDirectory { get; }

    public IReadOnlyList<ProjectProcess> Silos => _silos;

    public ProjectProcess Silo(string name) => _silos.Single(s => s.Name == name);

    /// <summary>Everything the named silo wrote to its console since it started.</summary>
    public SiloLog LogOf(string name) => _logs[name];

    /// <summary>Starts Redis, the silos and the client, and returns once every silo is active and the client connected.</summary>
    public static async Task<SiloCluster> StartAsync(SiloClusterOptions options, ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(options);
        var cluster = new SiloCluster(options, output);
        s_running.TryAdd(cluster, 0);
        try
        {
            await cluster.StartCoreAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Makes one grain call and tells which silo answered it. The call is made once, never retried.</summary>
    /// <exception cref="InvalidOperationException">The answer carried no silo tag.</exception>
    public static async Task<Served<T>> CallAsync<T>(Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var servedBy = new ServedBy();
        ServedBy.Current = servedBy;
        var value = await call();
        return new Served<T>(value, servedBy.Silo ?? throw new InvalidOperationException("The answer carried no silo tag."));
    }

    /// <summary>Adds one unit of <paramref name="sku"/> to a cart, once.</summary>
    public Task<Served<Cart>> AddItemAsync(string cart, string sku) =>
        CallAsync(() => Client.GetGrain<ICartGrain>(cart).AddItemAsync(new AddCartItem(sku, 1)));

    /// <summary>Reads a cart, once.</summary>
    public Task<Served<Cart>> GetCartAsync(string cart) => CallAsync(() => Client.GetGrain<ICartGrain>(cart).GetAsync());

    /// <summary>
    /// Reads a cart until a read succeeds, as any client may repeat a read; the failures met on the way are counted in
    /// <paramref name="failures"/> by exception type.
    /// </summary>
    public async Task<Served<Cart>> ReadUntilAnsweredAsync(string cart, TimeSpan timeout, ConcurrentDictionary<string, int>? failures = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await GetCartAsync(cart);
            }
            catch (Exception ex) when (DateTime.UtcNow < deadline)
            {
                failures?.AddOrUpdate(ex.GetType().Name, 1, (_, n) => n + 1);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(20 * attempt, 200)));
            }
        }
    }

    /// <summary>Every silo's row of this cluster's membership table, read from Redis.</summary>
    public async Task<IReadOnlyList<MembershipRow>> ReadMembershipAsync()
    {
        var key = $"{ClusterId}/members/{ClusterId}";
        var fields = await _redisClient!.GetDatabase().HashGetAllAsync(key);
        return [.. fields.Where(f => f.Name != "Version").Select(f => MembershipRow.Parse(f.Value.ToString()))];
    }

    /// <summary>The row of the named silo's current incarnation (a silo's name is unique within one test's cluster).</summary>
    public async Task<MembershipRow?> MembershipOfAsync(string name) =>
        (await ReadMembershipAsync()).SingleOrDefault(r => r.Name == name);

    /// <summary>Waits until the membership table shows exactly these silos as active.</summary>
    public async Task WaitUntilActiveAsync(IReadOnlyCollection<string> names, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(names);
        try
        {
            await Poll.UntilAsync(
                async () =>
                {
                    ThrowIfAnyExitedUnexpectedly(names);
                    var active = (await ReadMembershipAsync()).Where(r => r.Status == MembershipRow.Active).Select(r => r.Name).ToHashSet();
                    return active.SetEquals(names);
                },
                timeout,
                $"exactly {string.Join(", ", names)} to be active in the membership table");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(ex.Message + Environment.NewLine + Describe(), ex);
        }
    }

    /// <summary>The last lines of every silo's output and its state, for failure messages.</summary>
    public string Describe() => string.Join(
        Environment.NewLine,
        _silos.Select(s => $"--- {s} {(s.HasExited ? $"exited with code {s.ExitCode}" : "running")}:{Environment.NewLine}{s.RecentOutput}"));

    public async ValueTask DisposeAsync()
    {
        s_running.TryRemove(this, out _);
        try
        {
            if (_client is not null)
            {
                // Its silos may be dead or paused: the client's goodbye must not hold the test up.
                using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await _client.StopAsync(stopping.Token);
                }
                catch (OperationCanceledException)
                {
                }

                _client.Dispose();
            }
        }
        finally
        {
            foreach (var silo in _silos)
            {
                var name = silo.ToString();
                var state = silo.HasExited ? $"exit code {silo.ExitCode}" : "killed at the end of the test";
                await silo.DisposeAsync();
                _output.WriteLine($"{name}: {state}");
            }

            if (_redisClient is not null)
            {
                await _redisClient.DisposeAsync();
            }

            if (_redis is not null)
            {
                await _redis.DisposeAsync();
            }

            if (JournalDirectory is not null && Directory.Exists(JournalDirectory))
            {
                Directory.Delete(JournalDirectory, recursive: true);
            }
        }
    }

    private async Task StartCoreAsync()
    {
        _redis = await RedisServer.StartAsync(new RedisServerOptions { AppendOnly = _options.AppendOnlyRedis });
        var redisConfiguration = SharedRedis.ParseConfiguration(_redis.ConnectionString);
        _redisClient = await ConnectionMultiplexer.ConnectAsync(redisConfiguration);

        var names = Enumerable.Range(1, _options.SiloCount).Select(i => string.Create(CultureInfo.InvariantCulture, $"silo-{i}")).ToList();
        foreach (var name in names)
        {
            StartSilo(name);
        }

        await WaitUntilActiveAsync(names, s_startTimeout);
        _client = await StartClientAsync();
    }

    private void StartSilo(string name)
    {
        List<string> arguments =
        [
            $"--Redis:ConnectionString={Redis.ConnectionString}",
            $"--Cluster:Id={ClusterId}",
            $"--Silo:Name={name}",
            "--Silo:Port=0",
            "--Silo:GatewayPort=0",
        ];
        if (JournalDirectory is not null)
        {
            arguments.Add($"--ActivationJournal:Directory={JournalDirectory}");
        }

        arguments.AddRange(_options.SiloArguments);
        var log = new SiloLog();
        _logs[name] = log;
        _silos.Add(ProjectProcess.Start(name, RepositoryPaths.BuiltAssembly("Grains.Silo"), arguments, log: log));
    }

    /// <summary>An Orleans client set up as the gateway sets up its own (Grains.Gateway's ClusterClientExtensions), without its retries.</summary>
    private async Task<IHost> StartClientAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], EnvironmentName = Environments.Development });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Redis:ConnectionString"] = Redis.ConnectionString,
            ["Cluster:Id"] = ClusterId,
        });
        var services = builder.Services;
        services.AddClusterIdentity(builder.Configuration);
        builder.UseOrleansClient(client =>
        {
            client.UseRedisClustering(_ => { });
            client.AddOutgoingGrainCallFilter<SiloTagRecorder>();
        });
        services.AddOptions<ClusterOptions>().Configure<IOptions<ClusterIdentityOptions>>((orleans, cluster) =>
        {
            orleans.ClusterId = cluster.Value.Id;
            orleans.ServiceId = cluster.Value.EffectiveServiceId;
        });
        services.AddOptions<RedisClusteringOptions>().Configure<SharedRedis, IOptions<RedisConnectionOptions>>((orleans, redis, connection) =>
        {
            orleans.ConfigurationOptions = SharedRedis.ParseConfiguration(connection.Value.ConnectionString!);
            orleans.CreateMultiplexer = _ => redis.GetSharedAsync();
        });

        // As in the gateway: a dead silo leaves the client's gateway list within a second, and a call nobody answers
        // fails after 5 s instead of 30.
        services.Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
        services.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromSeconds(5));

        var host = builder.Build();
        try
        {
            using var starting = new CancellationTokenSource(s_startTimeout);
            await host.StartAsync(starting.Token);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    private void ThrowIfAnyExitedUnexpectedly(IEnumerable<string> names)
    {
        if (_silos.FirstOrDefault(s => names.Contains(s.Name) && s.HasExited) is { } exited)
        {
            throw new InvalidOperationException($"{exited} exited with code {exited.ExitCode}.{Environment.NewLine}{Describe()}");
        }
    }

    private void KillAll()
    {
        foreach (var silo in _silos.Where(s => !s.HasExited))
        {
            try
            {
                Signals.Send(silo.Id, Signals.SigCont);
                Signals.Send(silo.Id, Signals.SigKill);
            }
            catch (InvalidOperationException)
            {
                // It exited meanwhile.
            }
        }
    }
}
