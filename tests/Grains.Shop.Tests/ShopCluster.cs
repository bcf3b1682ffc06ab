using System.Text.Json.Nodes;
using Grains.Hosting;
using Grains.Shop.Catalog;
using Grains.Shop.Contracts.Products;
using Grains.Shop.Hosting;
using Grains.Silo.Hosting;
using Grains.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime.Placement;
using Orleans.TestingHost;
using StackExchange.Redis;

namespace Grains.Shop.Tests;

/// <summary>
/// An in-process Orleans cluster of shop silos for one test class: the shop's grains with the silo's own Redis grain
/// storage (readable JSON under <see cref="Storage.ShopStorage.Name"/>) and call filters, on a real redis-server of
/// its own, under a cluster id of its own. Membership, directory and transport are the test host's in-memory ones.
/// Disposing stops the cluster and the Redis server, also when a test failed.
/// </summary>
public class ShopCluster : IAsyncLifetime
{
    private readonly short _siloCount;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private RedisServer? _redis;
    private InProcessTestCluster? _cluster;
    private ConnectionMultiplexer? _store;

    public ShopCluster()
        : this(siloCount: 1)
    {
    }

    /// <param name="settings">Configuration of every silo, e.g. <c>Cart:IdempotencyKeyLimit</c>.</param>
    protected ShopCluster(short siloCount, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _siloCount = siloCount;
        _settings = settings ?? new Dictionary<string, string?>();
    }

    /// <summary>Both Orleans' ClusterId and its ServiceId, the prefix of every stored grain state.</summary>
    public string ClusterId { get; } = ClusterIds.Next();

    /// <summary>The catalog the silos serve: the shipped products plus enough test products to fill a cart past its line limit.</summary>
    public static ProductCatalog Catalog { get; } = new([
        .. ProductCatalog.LoadEmbedded().Products,
        .. Enumerable.Range(1, 120).Select(i => new Product($"TST-{i:D3}", $"Test product {i}", 1.25m))]);

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public IClusterClient Client => Cluster.Client;

    /// <summary>The Redis database the silos keep grain state in, for reading and writing it behind the grains' backs.</summary>
    public IDatabase Store => (_store ?? throw new InvalidOperationException("The cluster has not started.")).GetDatabase();

    /// <summary>The Redis hash of a grain's state: <c>{ServiceId}/state/{grainType}/{key}/{stateName}</c>.</summary>
    public RedisKey StateKey(string grainType, string key, string stateName) => $"{ClusterId}/state/{grainType}/{key}/{stateName}";

    /// <summary>The <c>data</c> field of a grain's stored state, parsed; null when nothing is stored.</summary>
    public async Task<JsonObject?> ReadStoredStateAsync(RedisKey key)
    {
        var data = await Store.HashGetAsync(key, "data");
        return data.IsNullOrEmpty ? null : JsonNode.Parse(data.ToString())!.AsObject();
    }

    /// <summary>
    /// Writes a grain's stored state (at <paramref name="key"/>) as <paramref name="change"/> makes it, under an etag of
    /// its own, as another activation of the grain (on a silo that thinks it owns it) would: the grain's next write then
    /// fails on the etag.
    /// </summary>
    public async Task WriteStateBehindItsBackAsync(RedisKey key, Func<JsonObject, JsonObject> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var stored = change((await ReadStoredStateAsync(key))!);
        await Store.HashSetAsync(key, [new("data", stored.ToJsonString()), new("etag", Guid.NewGuid().ToString("N"))]);
    }

    /// <summary><see cref="WriteStateBehindItsBackAsync"/> for the cart of <paramref name="userId"/>.</summary>
    public Task WriteCartBehindItsBackAsync(string userId, Func<JsonObject, JsonObject> change) =>
        WriteStateBehindItsBackAsync(StateKey("cart", userId, "cart"), change);

    /// <summary>The <c>etag</c> field of a grain's stored state; null when nothing is stored.</summary>
    public async Task<string?> ReadStoredEtagAsync(RedisKey key) => (string?)await Store.HashGetAsync(key, "etag");

    /// <summary>The silo that holds the grain's activation, or null when none does.</summary>
    public InProcessSiloHandle? SiloHosting(IAddressable grain) =>
        Cluster.TryGetGrainContext(grain.GetGrainId(), out var context)
            ? Cluster.Silos.FirstOrDefault(s => s.SiloAddress.Equals(context.Address.SiloAddress))
            : null;

    public async Task InitializeAsync()
    {
        try
        {
            _redis = await RedisServer.StartAsync();
            _store = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString);
            _cluster = CreateCluster(_redis.ConnectionString);
            await _cluster.DeployAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (_cluster is { } cluster)
            {
                _cluster = null;
                try
                {
                    await cluster.StopAllSilosAsync();
                }
                finally
                {
                    await cluster.DisposeAsync();
                }
            }
        }
        finally
        {
            if (_store is { } store)
            {
                _store = null;
                await store.DisposeAsync();
            }

            if (_redis is { } redis)
            {
                _redis = null;
                await redis.StopAsync();
            }
        }
    }

    private InProcessTestCluster CreateCluster(string redisConnectionString)
    {
        var builder = new InProcessTestClusterBuilder(_siloCount);
        builder.Options.ClusterId = ClusterId;
        builder.Options.ServiceId = ClusterId;
        builder.Options.ConfigureFileLogging = false;
        var settings = new Dictionary<string, string?>(_settings)
        {
            ["Cluster:Id"] = ClusterId,
            ["Redis:ConnectionString"] = redisConnectionString,
        };
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(settings);
            var configuration = host.Configuration;
            host.Services.AddClusterIdentity(configuration);

            // Registered before AddShop, which adds the shipped catalog only when none is registered.
            host.Services.AddSingleton(Catalog);

            // The placements the silo sets: its user grains on their user's silo, anything else at random; they also
            // decide where a grain migrates to.
            host.Services.AddSingleton<PlacementStrategy, RandomPlacement>();
            host.UseOrleans(silo =>
            {
                silo.AddShop(configuration)
                    .AddShopRedisStorage()
                    .AddUserPlacement(configuration)
                    .AddShopFilters(configuration);
                ConfigureSilo(silo);
            });
        });
        return builder.Build();
    }

    /// <summary>Adds to every silo of the cluster, after the shop's own parts: a test's fault, for one.</summary>
    protected virtual void ConfigureSilo(ISiloBuilder silo)
    {
    }
}
