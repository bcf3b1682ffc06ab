using Grains.Runtime;
using Grains.Shop.Contracts.Carts;
using Grains.Shop.Contracts.Orders;

namespace Grains.Shop.Tests;

public sealed class TwoKeySilo() : ShopSilo(new Dictionary<string, string?> { ["Cart:IdempotencyKeyLimit"] = "2" });

public sealed class CartGrainTests(TwoKeySilo silo) : IClassFixture<TwoKeySilo>
{
    private ICartGrain NewCart() => silo.Grains.GetGrain<ICartGrain>($"user-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_checkout_reaches_the_users_orders_grain()
    {
        var cart = NewCart();
        await cart.AddItemAsync(new AddCartItem("TEA-001", 2));

        var order = await cart.CheckoutAsync(new Checkout());

        var stored = await silo.Grains.GetGrain<IOrdersGrain>((await cart.GetAsync()).UserId).ListAsync();
        Assert.Equal(order.OrderId, Assert.Single(stored).OrderId);
        Assert.Empty((await cart.GetAsync()).Items);
    }

    [Fact]
    public async Task Recording_an_order_twice_keeps_one()
    {
        var orders = silo.Grains.GetGrain<IOrdersGrain>($"user-{Guid.NewGuid():N}");
        var order = new Order("o-1", [new CartItem("TEA-001", "Tea", 1, 6.50m, 6.50m)], 6.50m, DateTimeOffset.UtcNow);

        await orders.RecordAsync(order);
        await orders.RecordAsync(order);

        Assert.Single(await orders.ListAsync());
    }

    [Fact]
    public async Task A_key_pushed_out_by_newer_keys_is_applied_again()
    {
        var cart = NewCart();
        await cart.AddItemAsync(new AddCartItem("TEA-001", 1, "a"));
        await cart.AddItemAsync(new AddCartItem("TEA-001", 1, "b"));
        await cart.AddItemAsync(new AddCartItem("TEA-001", 1, "b"));
        Assert.Equal(2, (await cart.GetAsync()).Items[0].Quantity);

        await cart.AddItemAsync(new AddCartItem("TEA-001", 1, "c"));
        await cart.AddItemAsync(new AddCartItem("TEA-001", 1, "a"));

        Assert.Equal(4, (await cart.GetAsync()).Items[0].Quantity);
    }

    [Fact]
    public async Task A_replayed_add_returns_the_cart_it_first_produced()
    {
        var cart = NewCart();
        var first = await cart.AddItemAsync(new AddCartItem("COF-001", 1, "k"));
        await cart.AddItemAsync(new AddCartItem("COF-002", 1));

        var replay = await cart.AddItemAsync(new AddCartItem("COF-001", 1, "k"));

        Assert.Equal(first.Version, replay.Version);
        Assert.Equal(first.Items, replay.Items);
        Assert.Equal(2, (await cart.GetAsync()).Version);
    }

    [Fact]
    public async Task Setting_the_same_quantity_or_removing_an_absent_line_writes_nothing()
    {
        var cart = NewCart();
        await cart.AddItemAsync(new AddCartItem("MUG-001", 3));

        await cart.SetQuantityAsync(new SetCartItemQuantity("MUG-001", 3));
        await cart.RemoveItemAsync("MUG-002");
        await cart.ClearAsync();
        await cart.ClearAsync();

        Assert.Equal(2, (await cart.GetAsync()).Version);
    }

    [Fact]
    public async Task Rule_violations_reach_the_caller_by_type()
    {
        var cart = NewCart();

        Assert.True((await Assert.ThrowsAsync<GrainException>(() => cart.AddItemAsync(new AddCartItem("NOPE", 1)))).Is<UnknownSkuException>());
        Assert.True((await Assert.ThrowsAsync<GrainException>(() => cart.AddItemAsync(new AddCartItem("TEA-001", 1000)))).Is<CartRuleException>());
        Assert.True((await Assert.ThrowsAsync<GrainException>(() => cart.CheckoutAsync(new Checkout()))).Is<EmptyCartException>());
        Assert.Equal(0, (await cart.GetAsync()).Version);
    }
}
