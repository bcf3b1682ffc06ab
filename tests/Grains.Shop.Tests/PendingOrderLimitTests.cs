using Grains.Shop.Contracts.Carts;
using Grains.Shop.Contracts.Orders;

namespace Grains.Shop.Tests;

/// <summary>
/// The cart's outbox of orders not yet recorded by the orders grain is capped (here at one): a checkout beyond it is
/// refused and changes nothing, and an order waiting in it is listed all the same, once.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PendingOrderLimitTests(OnePendingOrderShopCluster shop) : IClassFixture<OnePendingOrderShopCluster>, IAsyncLifetime
{
    [Fact]
    public async Task A_checkout_beyond_the_pending_order_limit_is_refused_and_changes_nothing_until_the_orders_are_recorded()
    {
        var userId = $"user-{Guid.NewGuid():N}";
        var cart = shop.Client.GetGrain<ICartGrain>(userId);
        await cart.AddItemAsync(new AddCartItem("TEA-001", 1));
        shop.Outage.Down = "orders";
        var pending = await cart.CheckoutAsync(new Checkout("first"));
        var before = await cart.AddItemAsync(new AddCartItem("COF-001", 2));
        var storedBefore = await shop.ReadStoredEtagAsync(shop.StateKey("cart", userId, "cart"));

        await Assert.ThrowsAsync<PendingOrdersFullException>(() => cart.CheckoutAsync(new Checkout("second")));

        var after = await cart.GetAsync();
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Items, after.Items);
        Assert.Equal(storedBefore, await shop.ReadStoredEtagAsync(shop.StateKey("cart", userId, "cart")));
        var stored = (await shop.ReadStoredStateAsync(shop.StateKey("cart", userId, "cart")))!;
        Assert.Equal(pending.OrderId, (string?)Assert.Single(stored["pendingOrders"]!.AsArray())!["orderId"]);

        shop.Outage.Down = null;
        var second = await cart.CheckoutAsync(new Checkout("second"));

        Assert.Equal(
            new[] { second.OrderId, pending.OrderId },
            (await cart.ListOrdersAsync(new ListOrders(OrderListLimits.DefaultLimit))).Orders.Select(o => o.OrderId));
        Assert.Empty((await shop.ReadStoredStateAsync(shop.StateKey("cart", userId, "cart")))!["pendingOrders"]!.AsArray());
    }

    [Fact]
    public async Task An_order_not_yet_recorded_is_listed_once_at_the_place_it_is_recorded_at()
    {
        var cart = shop.Client.GetGrain<ICartGrain>($"user-{Guid.NewGuid():N}");
        await cart.AddItemAsync(new AddCartItem("TEA-001", 1));
        shop.Outage.Down = "orderpage";
        var pending = await cart.CheckoutAsync(new Checkout());

        var whilePending = await cart.ListOrdersAsync(new ListOrders(OrderListLimits.DefaultLimit));

        Assert.Equal(pending.OrderId, Assert.Single(whilePending.Orders).OrderId);
        Assert.Null(whilePending.Next);

        shop.Outage.Down = null;
        await cart.AddItemAsync(new AddCartItem("COF-001", 1));
        var newer = await cart.CheckoutAsync(new Checkout());
        var first = await cart.ListOrdersAsync(new ListOrders(1));
        var second = await cart.ListOrdersAsync(new ListOrders(1, first.Next));

        Assert.Equal(newer.OrderId, Assert.Single(first.Orders).OrderId);
        Assert.Equal(pending.OrderId, Assert.Single(second.Orders).OrderId);
        Assert.Null(second.Next);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Ends a test's fault, also when the test failed.</summary>
    public Task DisposeAsync()
    {
        shop.Outage.Down = null;
        return Task.CompletedTask;
    }
}
