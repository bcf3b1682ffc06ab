using Grains.Shop.Contracts.Carts;
using Grains.Shop.Contracts.Sessions;
using Grains.Testing;

namespace Grains.Shop.Tests;

/// <summary>
/// When a silo stops gracefully its grains migrate (<see cref="Hosting.MigratingGrain"/>): the next activation starts
/// from the old one's memory, not from a read of the store. Each test stops the silo hosting its grain and starts a
/// replacement, so the cluster has two silos again for the next test.
/// </summary>
[Trait("Category", "Integration")]
public sealed class MigrationTests(TwoSiloShopCluster shop) : IClassFixture<TwoSiloShopCluster>, IAsyncLifetime
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_session_keeps_its_unwritten_activity_when_its_silo_stops_gracefully()
    {
        var sessionId = UserGrainKeys.Session("alice", Guid.NewGuid().ToString("N"));
        var session = shop.Client.GetGrain<ISessionGrain>(sessionId);
        var started = await session.StartAsync("alice");
        // The touch must land later than the start, so that the activation's time and the stored one differ.
        await Poll.UntilAsync(() => DateTimeOffset.UtcNow > started.LastSeenAt, s_timeout, "the clock to pass the session's start");
        var touched = await session.TouchAsync();
        Assert.True(touched!.LastSeenAt > started.LastSeenAt);
        var key = shop.StateKey("session", sessionId, "session");
        Assert.Equal(started.LastSeenAt, StoredLastSeenAt(await shop.ReadStoredStateAsync(key)));

        var survivor = await StopSiloHostingAsync(session);

        var after = await session.GetAsync();
        Assert.NotNull(after);
        Assert.Equal(touched.LastSeenAt, after.LastSeenAt);
        Assert.Equal(touched.ExpiresAt, after.ExpiresAt);
        Assert.Equal(survivor, shop.SiloHosting(session)?.SiloAddress);
        Assert.Equal(started.LastSeenAt, StoredLastSeenAt(await shop.ReadStoredStateAsync(key)));
    }

    [Fact]
    public async Task A_cart_keeps_its_lines_from_memory_when_its_silo_stops_gracefully_and_can_still_be_written()
    {
        var userId = $"user-{Guid.NewGuid():N}";
        var cart = shop.Client.GetGrain<ICartGrain>(userId);
        await cart.AddItemAsync(new AddCartItem("TEA-001", 2));
        var before = await cart.AddItemAsync(new AddCartItem("COF-001", 1));

        // A probe, not something a real writer does: the stored lines change under the same etag. An activation that
        // read the store again would show them; one that migrated shows what it had in memory.
        var key = shop.StateKey("cart", userId, "cart");
        var stored = (await shop.ReadStoredStateAsync(key))!;
        stored["lines"]![0]!["quantity"] = 9;
        await shop.Store.HashSetAsync(key, "data", stored.ToJsonString());

        var survivor = await StopSiloHostingAsync(cart);

        var after = await cart.GetAsync();
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Items, after.Items);
        Assert.Equal(survivor, shop.SiloHosting(cart)?.SiloAddress);
        var written = await cart.AddItemAsync(new AddCartItem("TEA-001", 1));
        Assert.Equal(before.Version + 1, written.Version);
        Assert.Equal(3, written.Items.Single(i => i.Sku == "TEA-001").Quantity);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Puts back the silo a test stopped.</summary>
    public async Task DisposeAsync()
    {
        while (shop.Cluster.Silos.Count < 2)
        {
            await shop.Cluster.StartAdditionalSiloAsync();
        }

        await shop.Cluster.WaitForLivenessToStabilizeAsync();
    }

    /// <summary>Stops the silo that hosts <paramref name="grain"/> gracefully; returns the address of the other one.</summary>
    private async Task<SiloAddress> StopSiloHostingAsync(IAddressable grain)
    {
        var host = shop.SiloHosting(grain) ?? throw new InvalidOperationException($"No silo hosts {grain.GetGrainId()}.");
        var survivor = Assert.Single(shop.Cluster.Silos, s => s != host).SiloAddress;
        await shop.Cluster.StopSiloAsync(host);
        return survivor;
    }

    private static DateTimeOffset StoredLastSeenAt(System.Text.Json.Nodes.JsonObject? stored) =>
        stored!["lastSeenAt"]!.GetValue<DateTimeOffset>();
}
