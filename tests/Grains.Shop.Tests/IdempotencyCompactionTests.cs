using Grains.Shop.Contracts.Carts;
using Grains.Shop.Contracts.Orders;

namespace Grains.Shop.Tests;

/// <summary>
/// Old idempotency records lose their stored result, so that a cart written on every change does not carry a thousand
/// old carts (the chaos suite measured 300 KB per write). Their requests must still never apply twice.
/// </summary>
[Trait("Category", "Integration")]
public sealed class IdempotencyCompactionTests(OneResultShopCluster shop) : IClassFixture<OneResultShopCluster>
{
    private ICartGrain NewCart() => shop.Client.GetGrain<ICartGrain>($"user-{Guid.NewGuid():N}");

    [Fact]
    public async Task An_add_whose_record_was_compacted_is_not_applied_again_and_answers_with_the_cart_as_it_is_now()
    {
        var cart = NewCart();
        await cart.AddItemAsync(new AddCartItem("TEA-001", 2, "first"));
        var latest = await cart.AddItemAsync(new AddCartItem("COF-001", 1, "second"));

        var replay = await cart.AddItemAsync(new AddCartItem("TEA-001", 2, "first"));

        Assert.Equal(latest.Version, replay.Version);
        Assert.Equal(2, replay.Items.Single(i => i.Sku == "TEA-001").Quantity);
        Assert.Equal(latest.Version, (await cart.GetAsync()).Version);
    }

    [Fact]
    public async Task The_newest_record_still_replays_its_first_result()
    {
        var cart = NewCart();
        await cart.AddItemAsync(new AddCartItem("TEA-001", 1, "a"));
        var first = await cart.AddItemAsync(new AddCartItem("TEA-001", 1, "b"));

        var replay = await cart.AddItemAsync(new AddCartItem("TEA-001", 1, "b"));

        Assert.Equal(first.Version, replay.Version);
        Assert.Equal(2, replay.Items.Single().Quantity);
    }

    [Fact]
    public async Task A_checkout_whose_record_was_compacted_replays_its_order_and_checks_out_nothing_more()
    {
        var cart = NewCart();
        await cart.AddItemAsync(new AddCartItem("TEA-001", 1));
        var order = await cart.CheckoutAsync(new Checkout("pay"));
        await cart.AddItemAsync(new AddCartItem("COF-001", 3, "later"));

        var replay = await cart.CheckoutAsync(new Checkout("pay"));

        Assert.Equal(order.OrderId, replay.OrderId);
        Assert.Equal(order.Total, replay.Total);
        Assert.Equal(3, Assert.Single((await cart.GetAsync()).Items).Quantity);
        Assert.Single((await cart.ListOrdersAsync(new ListOrders(OrderListLimits.MaxLimit))).Orders);
    }
}
