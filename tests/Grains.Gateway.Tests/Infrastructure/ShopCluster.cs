using Grains.Runtime.Hosting;
using Grains.Redis;
using Grains.Shop;
using Grains.Shop.Catalog;
using Grains.Shop.Contracts.Products;
using Grains.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Grains.Gateway.Tests.Infrastructure;

/// <summary>
/// A cluster of shop silos hosted in the test process on its own real Redis server, with its own cluster id.
/// Gateways made by <see cref="CreateGateway"/> are cluster clients of it. Disposing stops every gateway, silo and
/// the Redis server, also when a test failed.
/// </summary>
public class ShopCluster : IAsyncLifetime
{
    /// <summary>The token key every gateway of this cluster shares.</summary>
    public const string TokenKey = "test-token-key-0123456789abcdef-0123456789";

    private readonly List<IHost> _silos = [];
    private readonly List<ShopGateway> _gateways = [];
    private RedisServer? _redis;

    public ShopCluster()
        : this(siloCount: 2)
    {
    }

    /// <param name="appendOnly">Start Redis with an append-only file, so that a test may kill and restart it without losing data.</param>
    protected ShopCluster(int siloCount, IReadOnlyDictionary<string, string?>? siloSettings = null, bool appendOnly = false)
    {
        SiloCount = siloCount;
        AppendOnly = appendOnly;
        SiloSettings = siloSettings ?? new Dictionary<string, string?>();
    }

    public string ClusterId { get; } = ClusterIds.Next();

    public RedisServer Redis => _redis ?? throw new InvalidOperationException("The cluster has not started.");

    /// <summary>The catalog the silos serve: the shipped products plus enough test products to fill a cart past its line limit.</summary>
    public static ProductCatalog Catalog { get; } = new([
        .. ProductCatalog.LoadEmbedded().Products,
        .. Enumerable.Range(1, 120).Select(i => new Product($"TST-{i:D3}", $"Test product {i}", 1.25m))]);

    public ShopGateway Gateway { get; private set; } = null!;

    protected int SiloCount { get; }

    protected bool AppendOnly { get; }

    protected IReadOnlyDictionary<string, string?> SiloSettings { get; }

    public IReadOnlyList<IHost> Silos => _silos;

    public virtual async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync(new RedisServerOptions { AppendOnly = AppendOnly });
        for (var i = 0; i < SiloCount; i++)
        {
            await StartSiloAsync($"silo-{i}");
        }

        Gateway = CreateGateway();
    }

    public async Task<IHost> StartSiloAsync(string name)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(SiloSettings)
        {
            ["Cluster:Id"] = ClusterId,
            ["Silo:Name"] = name,
        });
        builder.Services.AddSingleton(Catalog);
        builder.Services.AddGrainsSilo(builder.Configuration).UseRedis(Redis.ConnectionString).AddShop(builder.Configuration);
        var host = builder.Build();
        _silos.Add(host);
        await host.StartAsync();
        return host;
    }

    /// <summary>Crashes the named silo: no goodbye to the cluster, its activations lost, its listener closed.</summary>
    public async Task KillSiloAsync(string name)
    {
        var host = _silos.Single(h => h.Services.GetRequiredService<LocalSilo>().Name == name);
        await host.Services.GetRequiredService<LocalSilo>().KillAsync();
        await host.StopAsync();
        host.Dispose();
        _silos.Remove(host);
    }

    /// <summary>A gateway of this cluster; <paramref name="settings"/> override its configuration.</summary>
    public ShopGateway CreateGateway(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var gateway = new ShopGateway(new Dictionary<string, string?>
        {
            ["Cluster:Id"] = ClusterId,
            ["Redis:ConnectionString"] = Redis.ConnectionString,
            ["Gateway:TokenKey"] = TokenKey,
            ["Gateway:RateLimit:TokenLimit"] = "100000",
            ["Gateway:RateLimit:TokensPerPeriod"] = "100000",
        }.Concat(settings ?? new Dictionary<string, string?>()).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value));
        _gateways.Add(gateway);
        return gateway;
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var gateway in _gateways)
        {
            await gateway.DisposeAsync();
        }

        try
        {
            foreach (var silo in _silos)
            {
                try
                {
                    await silo.StopAsync();
                }
                finally
                {
                    silo.Dispose();
                }
            }
        }
        finally
        {
            if (_redis is not null)
            {
                await _redis.DisposeAsync();
            }
        }
    }
}
