using System.Text.Json.Nodes;
using Grains.Shop.Contracts.Carts;
using Orleans.Storage;

namespace Grains.Shop.Tests;

/// <summary>
/// A user may check out <c>Cart:CheckoutLimit</c> times within <c>Cart:CheckoutLimitWindow</c> (here twice in ten
/// minutes): one more is refused and changes nothing, a replayed key is still answered, and the count is stored with
/// the checkouts, so a new activation keeps it, until the window has passed.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CheckoutLimitTests(CheckoutLimitShopCluster shop) : IClassFixture<CheckoutLimitShopCluster>
{
    private static readonly TimeSpan s_deactivationTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_checkout_beyond_the_limit_is_refused_with_the_time_to_wait_and_changes_nothing()
    {
        var userId = $"user-{Guid.NewGuid():N}";
        var cart = shop.Client.GetGrain<ICartGrain>(userId);
        var first = await CheckOutAsync(cart, "first");
        await CheckOutAsync(cart, "second");
        var before = await cart.AddItemAsync(new AddCartItem("COF-001", 2));
        var key = shop.StateKey("cart", userId, "cart");
        var etagBefore = await shop.ReadStoredEtagAsync(key);

        var refused = await Assert.ThrowsAsync<CheckoutLimitException>(() => cart.CheckoutAsync(new Checkout("third")));

        Assert.InRange(refused.RetryAfter, TimeSpan.FromTicks(1), TimeSpan.FromMinutes(10));
        var after = await cart.GetAsync();
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Items, after.Items);
        Assert.Equal(etagBefore, await shop.ReadStoredEtagAsync(key));
        Assert.Equal(first.OrderId, (await cart.CheckoutAsync(new Checkout("first"))).OrderId);
        Assert.Equal(2, (await shop.ReadStoredStateAsync(key))!["recentCheckouts"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_count_survives_a_new_activation_and_ends_with_the_window()
    {
        var userId = $"user-{Guid.NewGuid():N}";
        var cart = shop.Client.GetGrain<ICartGrain>(userId);
        await CheckOutAsync(cart, key: null);
        await CheckOutAsync(cart, key: null);
        await cart.AddItemAsync(new AddCartItem("COF-001", 1));

        await ReactivateFromStoreAsync(cart, userId, stored => stored);
        await Assert.ThrowsAsync<CheckoutLimitException>(() => cart.CheckoutAsync(new Checkout()));

        var longAgo = DateTimeOffset.UtcNow.AddMinutes(-11).ToUnixTimeMilliseconds();
        await ReactivateFromStoreAsync(cart, userId, stored =>
        {
            stored["recentCheckouts"] = new JsonArray(longAgo, longAgo);
            return stored;
        });
        var order = await cart.CheckoutAsync(new Checkout());

        Assert.Equal("COF-001", Assert.Single(order.Items).Sku);
    }

    private static async Task<Contracts.Orders.Order> CheckOutAsync(ICartGrain cart, string? key)
    {
        await cart.AddItemAsync(new AddCartItem("TEA-001", 1));
        return await cart.CheckoutAsync(new Checkout(key));
    }

    /// <summary>
    /// Writes the cart's stored state as <paramref name="change"/> makes it, under a new etag (as another activation
    /// would), then lets the activation's next write fail on the etag, so that the next call reads the stored state.
    /// </summary>
    private async Task ReactivateFromStoreAsync(ICartGrain cart, string userId, Func<JsonObject, JsonObject> change)
    {
        await shop.WriteCartBehindItsBackAsync(userId, change);
        var deactivated = shop.Cluster.WaitForDeactivationAsync(cart);
        await Assert.ThrowsAsync<InconsistentStateException>(() => cart.RemoveItemAsync("COF-001"));
        await deactivated.WaitAsync(s_deactivationTimeout);
    }
}
