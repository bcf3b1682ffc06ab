extern alias silo;

using System.Net;
using Grains.Shop.Catalog;
using Grains.Shop.Contracts.Products;
using Grains.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using silo::Grains.Silo.Hosting;

namespace Grains.Gateway.Tests.Infrastructure;

/// <summary>
/// A cluster of real Orleans shop silos on its own real Redis server, with its own cluster id. Here the silos are
/// hosted in the test process, each a web host of its own made by <c>AddShopSilo</c> and serving the API on a free
/// loopback port, as the silo executable makes it; <see cref="SiloProcessCluster"/> runs them as processes instead.
/// Gateways made by <see cref="CreateGateway"/> forward to them over HTTP. Disposing stops every gateway, silo and the
/// Redis server, also when a test failed.
/// </summary>
public class ShopCluster : IAsyncLifetime
{
    /// <summary>The token key every silo of this cluster shares.</summary>
    public const string TokenKey = "test-token-key-0123456789abcdef-0123456789";

    /// <summary>How long starting silos and gateways may take: generous, since the machine's few cores are shared.</summary>
    protected static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(30);

    private readonly List<ShopGateway> _gateways = [];
    private readonly List<GatewayProcess> _gatewayProcesses = [];
    private readonly Dictionary<string, IHost> _silos = new(StringComparer.Ordinal);
    private readonly List<string> _siloNames = [];
    private RedisServer? _redis;
    private ClusterView? _view;
    private ShopGateway? _gateway;

    public ShopCluster()
        : this(siloCount: 2)
    {
    }

    /// <param name="siloCount">How many silos to start with; with none, the cluster's <see cref="Gateway"/> is not ready until one is started.</param>
    /// <param name="siloSettings">Configuration every silo starts with, besides its identity and Redis.</param>
    /// <param name="appendOnly">Start Redis with an append-only file, so that a test may kill and restart it without losing data.</param>
    protected ShopCluster(int siloCount, IReadOnlyDictionary<string, string?>? siloSettings = null, bool appendOnly = false)
    {
        SiloCount = siloCount;
        AppendOnly = appendOnly;
        SiloSettings = siloSettings ?? new Dictionary<string, string?>();
    }

    public string ClusterId { get; } = ClusterIds.Next();

    public RedisServer Redis => _redis ?? throw new InvalidOperationException("The cluster has not started.");

    /// <summary>The cluster's membership table and grain directory, as stored in Redis.</summary>
    public ClusterView View => _view ?? throw new InvalidOperationException("The cluster has not started.");

    /// <summary>
    /// The catalog the in-process silos serve: the shipped products plus enough test products to fill a cart past its
    /// line limit. Silo processes serve the shipped catalog.
    /// </summary>
    public static ProductCatalog Catalog { get; } = new([
        .. ProductCatalog.LoadEmbedded().Products,
        .. Enumerable.Range(1, 120).Select(i => new Product($"TST-{i:D3}", $"Test product {i}", 1.25m))]);

    /// <summary>A gateway started with the cluster, ready before the first test.</summary>
    public ShopGateway Gateway => _gateway ?? throw new InvalidOperationException("The cluster has not started.");

    /// <summary>The names of the silos started: <c>silo-1</c> to <c>silo-N</c> at first.</summary>
    public IReadOnlyList<string> SiloNames => _siloNames;

    protected int SiloCount { get; }

    protected bool AppendOnly { get; }

    protected IReadOnlyDictionary<string, string?> SiloSettings { get; }

    public virtual async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync(new RedisServerOptions { AppendOnly = AppendOnly });
        _view = new ClusterView(_redis.ConnectionString, ClusterId);
        var names = Enumerable.Range(1, SiloCount).Select(i => $"silo-{i}").ToList();
        foreach (var name in names)
        {
            _siloNames.Add(name);
            await LaunchSiloAsync(name);
        }

        await WaitUntilActiveAsync(names);
        _gateway = CreateGateway();
        if (SiloCount > 0)
        {
            await WaitUntilReadyAsync(_gateway);
        }
    }

    /// <summary>Starts a silo named <paramref name="name"/> and waits until the membership table lists it as active.</summary>
    public async Task StartSiloAsync(string name)
    {
        _siloNames.Add(name);
        await LaunchSiloAsync(name);
        await WaitUntilActiveAsync([name]);
    }

    /// <summary>A gateway of this cluster, started on first use; <paramref name="settings"/> override its configuration.</summary>
    public ShopGateway CreateGateway(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Cluster:Id"] = ClusterId,
            ["Redis:ConnectionString"] = Redis.ConnectionString,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var gateway = new ShopGateway(configuration);
        _gateways.Add(gateway);
        return gateway;
    }

    /// <summary>
    /// A gateway of this cluster as a real process on its own loopback port, started and serving HTTP;
    /// <paramref name="environment"/> adds to or overrides its settings (<c>Dashboard__OperatorKey</c>).
    /// </summary>
    public async Task<GatewayProcess> StartGatewayProcessAsync(string name, IReadOnlyDictionary<string, string>? environment = null)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Cluster__Id"] = ClusterId,
            ["Redis__ConnectionString"] = Redis.ConnectionString,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var gateway = await GatewayProcess.StartAsync(name, settings);
        _gatewayProcesses.Add(gateway);
        return gateway;
    }

    /// <summary>Waits until <paramref name="gateway"/> answers <c>/health/ready</c> with 200: Redis answers and a silo takes requests.</summary>
    public static async Task WaitUntilReadyAsync(ShopGateway gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        using var client = gateway.CreateShopClient();
        await Poll.UntilAsync(
            async () =>
            {
                using var ready = await client.GetAsync("/health/ready");
                return ready.StatusCode == HttpStatusCode.OK;
            },
            StartTimeout,
            "the gateway to be ready");
    }

    public async Task DisposeAsync()
    {
        try
        {
            foreach (var gateway in _gateways)
            {
                await gateway.DisposeAsync();
            }

            foreach (var gateway in _gatewayProcesses)
            {
                await gateway.DisposeAsync();
            }
        }
        finally
        {
            try
            {
                await StopSilosAsync();
            }
            finally
            {
                if (_view is not null)
                {
                    await _view.DisposeAsync();
                }

                if (_redis is not null)
                {
                    await _redis.DisposeAsync();
                }
            }
        }
    }

    /// <summary>
    /// The configuration of the silo named <paramref name="name"/>: its identity, Redis, free ports, the API's token key
    /// and lifted rate limits (tests send many requests per session, and all from one address), and <see cref="SiloSettings"/>.
    /// </summary>
    protected Dictionary<string, string?> SiloConfiguration(string name)
    {
        var configuration = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Redis:ConnectionString"] = Redis.ConnectionString,
            ["Cluster:Id"] = ClusterId,
            ["Silo:Name"] = name,
            ["Silo:Port"] = "0",
            ["Silo:GatewayPort"] = "0",
            ["urls"] = "http://127.0.0.1:0",
            ["Api:TokenKey"] = TokenKey,
            ["Api:RateLimit:TokenLimit"] = "100000",
            ["Api:RateLimit:TokensPerPeriod"] = "100000",

            // Every test client signs in from loopback, so they all count as one address.
            ["Api:SignInRateLimit:PerAddress:TokenLimit"] = "100000",
            ["Api:SignInRateLimit:PerAddress:TokensPerPeriod"] = "100000",
            ["Api:SignInRateLimit:Global:TokenLimit"] = "100000",
            ["Api:SignInRateLimit:Global:TokensPerPeriod"] = "100000",
            ["Api:AnonymousRateLimit:PerAddress:TokenLimit"] = "100000",
            ["Api:AnonymousRateLimit:PerAddress:TokensPerPeriod"] = "100000",

            // These silos share the test process, and a silo declared dead stops its process (Orleans fails fast): with the
            // production timings a test host stalled by a busy CI machine could be taken for dead and killed. Nothing here
            // measures detection; the tests that kill silos use silo processes with the production timings.
            ["Orleans:Membership:ProbeTimeout"] = "00:00:05",
            ["Orleans:Membership:MinProbeTimeout"] = "00:00:05",
            ["Orleans:Membership:MaxProbeTimeout"] = "00:00:10",
            ["Orleans:Membership:NumMissedProbesLimit"] = "3",
        };
        foreach (var (key, value) in SiloSettings)
        {
            configuration[key] = value;
        }

        return configuration;
    }

    /// <summary>A service of the in-process silo named <paramref name="name"/>.</summary>
    public T SiloService<T>(string name)
        where T : notnull => _silos[name].Services.GetRequiredService<T>();

    /// <summary>Starts the silo named <paramref name="name"/>; <see cref="StartSiloAsync"/> waits for it to become active.</summary>
    protected virtual async Task LaunchSiloAsync(string name)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(SiloConfiguration(name))
        {
            ["Logging:LogLevel:Default"] = "Warning",

            // And no silo declares dead a peer whose lease lapsed: in one test process a stall can hold up one silo's
            // renewals while the other's get through, and the peer declared dead would stop the whole test host. These
            // silos are never paused or killed; the tests of a lapsed lease use silo processes (SiloProcessCluster).
            ["Fencing:DeclareLapsedPeersDead"] = "false",
        });

        // Registered before the silo's own, which AddShop adds only when none is there.
        builder.Services.AddSingleton(Catalog);
        builder.AddShopSilo();
        var silo = builder.Build();
        silo.UseShopSilo();
        _silos.Add(name, silo);
        await silo.StartAsync();
    }

    /// <summary>Throws when a silo has failed while the cluster waits for it, instead of letting the wait time out.</summary>
    protected virtual void ThrowIfASiloFailed()
    {
    }

    /// <summary>Stops every silo started. In-process silos stop together and gracefully, within a bounded time.</summary>
    protected virtual async Task StopSilosAsync()
    {
        using var timeout = new CancellationTokenSource(s_stopTimeout);
        try
        {
            await Task.WhenAll(_silos.Values.Select(silo => silo.StopAsync(timeout.Token)));
        }
        finally
        {
            foreach (var silo in _silos.Values)
            {
                silo.Dispose();
            }
        }
    }

    /// <summary>Waits until every silo of <paramref name="names"/> is active in the membership table and serves HTTP.</summary>
    protected async Task WaitUntilActiveAsync(IReadOnlyCollection<string> names) =>
        await Poll.UntilAsync(
            async () =>
            {
                ThrowIfASiloFailed();
                return (await View.RoutableSiloNamesAsync()).IsSupersetOf(names);
            },
            StartTimeout,
            $"{string.Join(", ", names)} to be active and serve HTTP");
}
