using Grains.Shop.Contracts.Carts;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Grains.Shop.Tests;

/// <summary>
/// What a cart grain publishes in its silo for the API to read without a call (<see cref="LocalCarts"/>): each change
/// once the store acknowledged it and before the call returns, never a change the store refused, and nothing once the
/// activation has ended.
/// </summary>
[Trait("Category", "Integration")]
public sealed class LocalCartTests(ShopCluster shop) : IClassFixture<ShopCluster>
{
    private static readonly TimeSpan s_deactivationTimeout = TimeSpan.FromSeconds(30);

    // The grain's answer crossed the client's serializer, so it is equal by value, not the same object.
    private static void AssertSameCart(Cart expected, Cart actual)
    {
        Assert.Equal(expected.UserId, actual.UserId);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.Total, actual.Total);
        Assert.Equal(expected.Items, actual.Items);
    }

    private LocalCarts LocalCartsOf(ICartGrain cart) => shop.SiloHosting(cart)!.ServiceProvider.GetRequiredService<LocalCarts>();

    [Fact]
    public async Task Every_acknowledged_change_is_published_before_its_call_returns()
    {
        var userId = $"user-{Guid.NewGuid():N}";
        var cart = shop.Client.GetGrain<ICartGrain>(userId);
        Assert.Equal(0, (await cart.GetAsync()).Version);
        var local = LocalCartsOf(cart);
        Assert.True(local.TryGet(userId, out var published));
        Assert.Equal(0, published.Version);

        var added = await cart.AddItemAsync(new AddCartItem("TEA-001", 2));
        Assert.True(local.TryGet(userId, out published));
        AssertSameCart(added, published);

        var set = await cart.SetQuantityAsync(new SetCartItemQuantity("TEA-001", 5));
        Assert.True(local.TryGet(userId, out published));
        Assert.Equal(5, Assert.Single(published.Items).Quantity);
        Assert.Equal(set.Version, published.Version);

        await cart.CheckoutAsync(new Checkout(null));
        Assert.True(local.TryGet(userId, out published));
        Assert.Empty(published.Items);
        AssertSameCart(await cart.GetAsync(), published);
    }

    [Fact]
    public async Task A_cart_whose_write_found_another_writer_withdraws_its_copy_and_the_next_activation_publishes_the_stored_cart()
    {
        var userId = $"user-{Guid.NewGuid():N}";
        var cart = shop.Client.GetGrain<ICartGrain>(userId);
        var first = await cart.AddItemAsync(new AddCartItem("TEA-001", 1));
        var local = LocalCartsOf(cart);

        await shop.WriteCartBehindItsBackAsync(userId, stored =>
        {
            stored["lines"]![0]!["quantity"] = 5;
            stored["version"] = 7;
            return stored;
        });
        var deactivated = shop.Cluster.WaitForDeactivationAsync(cart);

        Assert.True(local.TryGet(userId, out var shown));
        AssertSameCart(first, shown);

        // The write found another writer: the activation's view may be stale, so its copy goes at once.
        await Assert.ThrowsAsync<InconsistentStateException>(() => cart.AddItemAsync(new AddCartItem("TEA-001", 1)));
        Assert.False(local.TryGet(userId, out _));
        await deactivated.WaitAsync(s_deactivationTimeout);
        Assert.False(local.TryGet(userId, out _));

        var reread = await cart.GetAsync();
        Assert.True(LocalCartsOf(cart).TryGet(userId, out shown));
        Assert.Equal(7, reread.Version);
        AssertSameCart(reread, shown);
    }
}
