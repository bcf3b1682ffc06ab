using Grains.Runtime.Directory;
using Grains.Runtime.Hosting;
using Grains.Runtime.Membership;
using Grains.Runtime.Storage;
using Grains.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grains.Redis.Tests;

/// <summary>
/// Builds clusters through the same registration a silo uses, so the contract scenarios run
/// unchanged against every implementation. Each cluster gets its own id; everything built is disposed after the test.
/// </summary>
public abstract class ClusterStoresTestBase : IAsyncLifetime
{
    /// <summary>How long a test waits for something that should happen soon (a notification, a silence to pass).</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static long s_generation;
    private readonly List<ServiceProvider> _providers = [];

    /// <summary>Registers the implementation under test, as <c>UseInMemory</c> or <c>UseRedis</c> would in a silo.</summary>
    protected abstract void UseImplementation(IGrainsBuilder builder);

    /// <summary>A new, empty cluster; or another member's view of an existing one when given its id.</summary>
    protected async Task<ClusterStores> NewClusterAsync(string? clusterId = null)
    {
        clusterId ??= ClusterIds.Next();
        var services = new ServiceCollection();
        services.AddLogging();
        UseImplementation(services.AddGrainsClient());
        services.Configure<ClusterOptions>(options => options.Id = clusterId);
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);

        var stores = new ClusterStores(
            clusterId,
            provider.GetRequiredService<IMembershipTable>(),
            provider.GetRequiredService<IGrainDirectory>(),
            provider.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default));
        await stores.Membership.InitializeAsync(default);
        await stores.Directory.InitializeAsync(default);
        return stores;
    }

    /// <summary>A silo address no other test uses.</summary>
    protected static SiloAddress NewSilo() => new("127.0.0.1", 11111, Interlocked.Increment(ref s_generation));

    protected static async Task<SiloAddress> JoinNewSiloAsync(ClusterStores cluster, string name = "silo")
    {
        var silo = NewSilo();
        await cluster.Membership.JoinAsync(silo, name, default);
        return silo;
    }

    protected static async Task<MembershipEntry?> ReadEntryAsync(ClusterStores cluster, SiloAddress silo) =>
        (await cluster.Membership.ReadAllAsync(default)).SingleOrDefault(entry => entry.Silo == silo);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }
    }
}
