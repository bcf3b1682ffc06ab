using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Grains.Hosting;
using Grains.Hosting.Cluster;
using Grains.Hosting.Redis;
using Grains.Shop.Contracts.Carts;
using Grains.Shop.Contracts.Serving;
using Grains.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Grains.Silo.Tests.Processes;

/// <summary>
/// A real cluster for one test: its own redis-server on a free loopback port, <see cref="SiloClusterOptions.SiloCount"/>
/// processes of the built Grains.Silo under their own cluster id (each picks its own free ports), and an Orleans
/// client in the test process configured like the gateway's. A silo that dies while the cluster starts (declared dead
/// while stalled on two loaded cores) is started again. Disposing it stops the client, kills every silo process
/// it started (by pid) and stops Redis, also when the test failed; a start that fails half-way cleans up the same way.
/// </summary>
public sealed class SiloCluster : IAsyncDisposable
{
    private const int MaxRestartsAtStart = 3;
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Long enough for a read on two loaded cores, short beside the client's 5 s response timeout.</summary>
    private static readonly TimeSpan s_readAttemptTimeout = TimeSpan.FromSeconds(1);

    /// <summary>As long as the gateway's <c>Gateway:RetryBudget</c>.</summary>
    private static readonly TimeSpan s_notRunRetryBudget = TimeSpan.FromSeconds(5);
    private static readonly ConcurrentDictionary<SiloCluster, byte> s_running = new();

    private readonly SiloClusterOptions _options;
    private readonly ITestOutputHelper _output;
    private readonly List<ProjectProcess> _silos = [];
    private readonly Dictionary<string, SiloLog> _logs = [];
    private readonly ConcurrentDictionary<string, int> _notRunRetries = new(StringComparer.Ordinal);
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

    /// <summary>
    /// Calls that certainly did not run and were sent again by <see cref="CallAsync{T}"/>, by exception type and the silo
    /// that refused them.
    /// </summary>
    public IReadOnlyDictionary<string, int> NotRunRetries => _notRunRetries;

    /// <summary>Makes one grain call and tells which silo answered it. The call is made once, never retried.</summary>
    /// <exception cref="InvalidOperationException">The answer carried no silo tag.</exception>
    public static async Task<Served<T>> CallOnceAsync<T>(Func<Task<T>> call) => await CallOnceAsync(call, new ServedBy());

    /// <summary>
    /// Makes a grain call as the gateway does: a call that certainly did not run (a silo's lease refused it before it
    /// ran, or Orleans' messaging rejected it undelivered, e.g. at a stopping silo) is sent again, for up to
    /// <see cref="s_notRunRetryBudget"/>; any other failure, whose outcome may be unknown, is the caller's.
    /// </summary>
    public async Task<Served<T>> CallAsync<T>(Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            var servedBy = new ServedBy();
            try
            {
                return await CallOnceAsync(call, servedBy);
            }
            catch (Exception ex) when (CertainlyNotRun(ex, servedBy.Silo is not null) && Stopwatch.GetElapsedTime(started) < s_notRunRetryBudget)
            {
                _notRunRetries.AddOrUpdate($"{ex.GetType().Name} from {servedBy.Silo ?? "Orleans' messaging"}", 1, (_, n) => n + 1);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(25 * attempt, 250)));
            }
        }
    }

    /// <summary>Adds one unit of <paramref name="sku"/> to a cart.</summary>
    /// <param name="retryNotRun">Send the call again when it certainly did not run (<see cref="CallAsync{T}"/>); else make it once.</param>
    public Task<Served<Cart>> AddItemAsync(string cart, string sku, bool retryNotRun = true) =>
        Call(() => Client.GetGrain<ICartGrain>(cart).AddItemAsync(new AddCartItem(sku, 1)), retryNotRun);

    /// <summary>Reads a cart.</summary>
    /// <param name="retryNotRun">Send the call again when it certainly did not run (<see cref="CallAsync{T}"/>); else make it once.</param>
    public Task<Served<Cart>> GetCartAsync(string cart, bool retryNotRun = true) =>
        Call(() => Client.GetGrain<ICartGrain>(cart).GetAsync(), retryNotRun);

    /// <summary>
    /// Reads a cart until a read succeeds, as any client may repeat a read. An attempt not answered within
    /// <see cref="s_readAttemptTimeout"/> is abandoned (a call in flight to a silo that died is never answered, and would
    /// hold the read for the client's whole response timeout). The failures met on the way are counted in
    /// <paramref name="failures"/> by exception type.
    /// </summary>
    public async Task<Served<Cart>> ReadUntilAnsweredAsync(string cart, TimeSpan timeout, ConcurrentDictionary<string, int>? failures = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        for (var attempt = 1; ; attempt++)
        {
            var read = GetCartAsync(cart, retryNotRun: false);
            try
            {
                return await read.WaitAsync(s_readAttemptTimeout);
            }
            catch (Exception ex) when (DateTime.UtcNow < deadline)
            {
                // An abandoned read ends by itself; its outcome is of no interest.
                _ = read.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
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

    /// <summary>The row of the named silo's newest incarnation.</summary>
    public async Task<MembershipRow?> MembershipOfAsync(string name) =>
        (await ReadMembershipAsync()).Where(r => r.Name == name).MaxBy(r => r.Generation);

    /// <summary>The last lines of every silo's output and its state, for failure messages.</summary>
    public string Describe() => string.Join(
        Environment.NewLine,
        _silos.Select(s => $"--- {s} {(s.HasExited ? $"exited with code {s.ExitCode}" : "running")}:{Environment.NewLine}{s.RecentOutput}"));

    public async ValueTask DisposeAsync()
    {
        s_running.TryRemove(this, out _);

        // Every step runs even when an earlier one failed: nothing this cluster started may outlive it.
        var failures = new List<Exception>();
        async Task StepAsync(Func<Task> step)
        {
            try
            {
                await step();
            }
            catch (Exception ex)
            {
                failures.Add(ex);
            }
        }

        if (_client is { } client)
        {
            await StepAsync(async () =>
            {
                // Its silos may be dead or paused: the client's goodbye must not hold the test up.
                using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await client.StopAsync(stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                client.Dispose();
            });
        }

        foreach (var silo in _silos)
        {
            await StepAsync(async () =>
            {
                var state = $"{silo}: {(silo.HasExited ? $"exit code {silo.ExitCode}" : "killed at the end of the test")}";
                await silo.DisposeAsync();
                _output.WriteLine(state);
            });
        }

        if (_redisClient is { } redisClient)
        {
            await StepAsync(async () => await redisClient.DisposeAsync());
        }

        if (_redis is { } redis)
        {
            await StepAsync(async () => await redis.DisposeAsync());
        }

        if (JournalDirectory is { } journal && Directory.Exists(journal))
        {
            await StepAsync(() =>
            {
                Directory.Delete(journal, recursive: true);
                return Task.CompletedTask;
            });
        }

        if (failures.Count > 0)
        {
            throw new AggregateException("The cluster did not stop cleanly.", failures);
        }
    }

    private static async Task<Served<T>> CallOnceAsync<T>(Func<Task<T>> call, ServedBy servedBy)
    {
        ArgumentNullException.ThrowIfNull(call);
        ServedBy.Current = servedBy;
        var value = await call();
        return new Served<T>(value, servedBy.Silo ?? throw new InvalidOperationException("The answer carried no silo tag."));
    }

    /// <summary>
    /// A lease refusal before the call ran, or a message Orleans' messaging rejected (<see cref="OrleansMessageRejectionException"/>,
    /// <see cref="SiloUnavailableException"/> among them, e.g. from a stopping silo): a rejection carries no silo tag,
    /// since it never reached the grain's filters. A tagged rejection was thrown by a call the grain made itself, and
    /// says nothing certain about the grain's own call.
    /// </summary>
    private static bool CertainlyNotRun(Exception exception, bool tagged) =>
        exception is SiloLeaseExpiredException { OutcomeUnknown: false } or GatewayTooBusyException
            || (exception is OrleansMessageRejectionException && !tagged);

    private Task<Served<T>> Call<T>(Func<Task<T>> call, bool retryNotRun) => retryNotRun ? CallAsync(call) : CallOnceAsync(call);

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

        // On two loaded cores a silo that is still starting can stall long enough to be declared dead, and then exits:
        // that is the start failing, not what a test is about, so such a silo is started again (a new incarnation).
        var restarts = 0;
        try
        {
            await Poll.UntilAsync(
                async () =>
                {
                    foreach (var exited in _silos.Where(s => s.HasExited).ToList())
                    {
                        if (++restarts > MaxRestartsAtStart)
                        {
                            throw new InvalidOperationException($"{exited} exited with code {exited.ExitCode} while the cluster started.{Environment.NewLine}{Describe()}");
                        }

                        _output.WriteLine($"{exited} exited with code {exited.ExitCode} while the cluster started; starting {exited.Name} again.");
                        _silos.Remove(exited);
                        await exited.DisposeAsync();
                        StartSilo(exited.Name);
                    }

                    var active = (await ReadMembershipAsync()).Where(r => r.Status == MembershipRow.Active).Select(r => r.Name).ToHashSet();
                    return active.SetEquals(names);
                },
                s_startTimeout,
                $"exactly {string.Join(", ", names)} to be active in the membership table");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(ex.Message + Environment.NewLine + Describe(), ex);
        }

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
        services.AddRedisClusterMembership();

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
