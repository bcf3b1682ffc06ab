using Grains.Shop.Catalog;
using Grains.Shop.Contracts.Carts;
using Grains.Shop.Contracts.Orders;

namespace Grains.Shop.Tests;

[Trait("Category", "Integration")]
public sealed class CartGrainTests(TwoKeyShopCluster shop) : IClassFixture<TwoKeyShopCluster>
{
    private static string NewUserId() => $"user-{Guid.NewGuid():N}";

    private ICartGrain NewCart() => shop.Client.GetGrain<ICartGrain>(NewUserId());

    [Fact]
    public async Task A_checkout_reaches_the_users_orders_grain()
    {
        var cart = NewCart();
        await cart.AddItemAsync(new AddCartItem("TEA-001", 2));

        var order = await cart.CheckoutAsync(new Checkout());

        var stored = await shop.Client.GetGrain<IOrdersGrain>((await cart.GetAsync()).UserId).ListAsync(new ListOrders(OrderListLimits.MaxLimit), []);
        Assert.Equal(order.OrderId, Assert.Single(stored.Orders).OrderId);
        Assert.Empty((await cart.GetAsync()).Items);
    }

    [Fact]
    public async Task Every_change_shows_the_cart_its_lines_make_whichever_lines_it_kept()
    {
        var cart = NewCart();
        var catalog = ProductCatalog.LoadEmbedded();
        var expected = new List<(string Sku, int Quantity)>();
        async Task CheckAsync(Task<Cart> change)
        {
            var shown = await change;
            var read = await cart.GetAsync();
            Assert.Equal((shown.Version, shown.Total), (read.Version, read.Total));
            Assert.Equal(shown.Items, read.Items);
            Assert.Equal(expected.Select(l => l.Sku), shown.Items.Select(i => i.Sku));
            foreach (var (item, line) in shown.Items.Zip(expected))
            {
                Assert.True(catalog.TryGet(line.Sku, out var product));
                Assert.Equal(new CartItem(line.Sku, product.Name, line.Quantity, product.Price, product.Price * line.Quantity), item);
            }

            Assert.Equal(shown.Items.Sum(i => i.LineTotal), shown.Total);
        }

        expected.Add(("TEA-001", 2));
        await CheckAsync(cart.AddItemAsync(new AddCartItem("TEA-001", 2)));
        expected.Add(("COF-001", 1));
        await CheckAsync(cart.AddItemAsync(new AddCartItem("COF-001", 1)));
        expected.Add(("COF-002", 3));
        await CheckAsync(cart.AddItemAsync(new AddCartItem("COF-002", 3)));
        expected[1] = ("COF-001", 5);
        await CheckAsync(cart.AddItemAsync(new AddCartItem("COF-001", 4)));
        expected.RemoveAt(0);
        await CheckAsync(cart.RemoveItemAsync("TEA-001"));
        expected[1] = ("COF-002", 7);
        await CheckAsync(cart.SetQuantityAsync(new SetCartItemQuantity("COF-002", 7)));
        expected.Add(("TEA-001", 1));
        await CheckAsync(cart.AddItemAsync(new AddCartItem("TEA-001", 1)));
        expected.RemoveAt(0);
        await CheckAsync(cart.SetQuantityAsync(new SetCartItemQuantity("COF-001", 0)));
    }

    [Fact]
    public async Task Recording_an_order_twice_keeps_one()
    {
        var orders = shop.Client.GetGrain<IOrdersGrain>(NewUserId());
        var order = new Order("o-1", [new CartItem("TEA-001", "Tea", 1, 6.50m, 6.50m)], 6.50m, DateTimeOffset.UtcNow);

        await orders.RecordAsync(order);
        await orders.RecordAsync(order);

        Assert.Single((await orders.ListAsync(new ListOrders(OrderListLimits.MaxLimit), [])).Orders);
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
        var userId = NewUserId();
        var cart = shop.Client.GetGrain<ICartGrain>(userId);
        var key = shop.StateKey("cart", userId, "cart");
        await cart.AddItemAsync(new AddCartItem("MUG-001", 3));
        var etag = await shop.ReadStoredEtagAsync(key);

        await cart.SetQuantityAsync(new SetCartItemQuantity("MUG-001", 3));
        await cart.RemoveItemAsync("MUG-002");
        Assert.Equal(etag, await shop.ReadStoredEtagAsync(key));

        await cart.ClearAsync();
        etag = await shop.ReadStoredEtagAsync(key);
        await cart.ClearAsync();

        Assert.Equal(etag, await shop.ReadStoredEtagAsync(key));
        Assert.Equal(2, (await cart.GetAsync()).Version);
    }

    [Fact]
    public async Task Rule_violations_reach_the_caller_as_their_own_types_and_change_nothing()
    {
        var cart = NewCart();

        await Assert.ThrowsAsync<UnknownSkuException>(() => cart.AddItemAsync(new AddCartItem("NOPE-001", 1)));
        await Assert.ThrowsAsync<QuantityOutOfRangeException>(() => cart.AddItemAsync(new AddCartItem("TEA-001", CartLimits.MaxQuantity + 1)));
        await Assert.ThrowsAsync<QuantityOutOfRangeException>(() => cart.SetQuantityAsync(new SetCartItemQuantity("TEA-001", -1)));
        await Assert.ThrowsAsync<UnknownSkuException>(() => cart.RemoveItemAsync("NOPE-001"));
        await Assert.ThrowsAsync<EmptyCartException>(() => cart.CheckoutAsync(new Checkout()));

        Assert.Equal(0, (await cart.GetAsync()).Version);
    }

    [Fact]
    public async Task A_line_cannot_grow_past_its_limit()
    {
        var cart = NewCart();
        await cart.AddItemAsync(new AddCartItem("TEA-001", CartLimits.MaxQuantity));

        await Assert.ThrowsAsync<QuantityOutOfRangeException>(() => cart.AddItemAsync(new AddCartItem("TEA-001", 1)));

        Assert.Equal(CartLimits.MaxQuantity, Assert.Single((await cart.GetAsync()).Items).Quantity);
    }

    [Fact]
    public async Task A_cart_holds_at_most_the_line_limit()
    {
        var cart = NewCart();
        for (var i = 1; i <= CartLimits.MaxLines; i++)
        {
            await cart.AddItemAsync(new AddCartItem($"TST-{i:D3}", 1));
        }

        await Assert.ThrowsAsync<TooManyLinesException>(() => cart.AddItemAsync(new AddCartItem($"TST-{CartLimits.MaxLines + 1:D3}", 1)));

        var after = await cart.GetAsync();
        Assert.Equal(CartLimits.MaxLines, after.Items.Count);
        Assert.Equal(CartLimits.MaxLines, after.Version);
        Assert.Equal(2, (await cart.AddItemAsync(new AddCartItem("TST-001", 1))).Items.Single(i => i.Sku == "TST-001").Quantity);
    }

    [Fact]
    public async Task An_idempotency_key_reused_for_a_different_request_is_refused()
    {
        var cart = NewCart();
        await cart.AddItemAsync(new AddCartItem("TEA-001", 1, "same-key"));

        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => cart.AddItemAsync(new AddCartItem("COF-001", 1, "same-key")));
        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => cart.CheckoutAsync(new Checkout("same-key")));

        var after = await cart.GetAsync();
        Assert.Equal(1, after.Version);
        Assert.Equal("TEA-001", Assert.Single(after.Items).Sku);
    }
}
