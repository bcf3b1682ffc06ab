using System.Text.Json.Nodes;
using Grains.Shop.Carts;
using Grains.Shop.Contracts.Carts;
using Grains.Shop.Contracts.Orders;

namespace Grains.Shop.Tests;

/// <summary>
/// A cart's record is written whole on every change, so what it keeps of idempotency keys is bounded: fixed-size
/// digests instead of the keys, the newest <see cref="CartOptions.IdempotencyKeyLimit"/> keys of the last day, and only
/// the newest key's result. Older keys' requests must still never apply twice.
/// </summary>
[Trait("Category", "Integration")]
public sealed class IdempotencyCompactionTests(ShopCluster shop) : IClassFixture<ShopCluster>
{
    /// <summary>The longest key the API accepts, made of the characters JSON writes as six bytes each.</summary>
    private static string EscapedKey(int i) => $"key-{i:D4}" + new string('<', CartLimits.MaxIdempotencyKeyLength - 8);

    private static string NewUserId() => $"user-{Guid.NewGuid():N}";

    private ICartGrain NewCart() => shop.Client.GetGrain<ICartGrain>(NewUserId());

    [Fact]
    public async Task An_add_whose_key_is_no_longer_the_newest_is_not_applied_again_and_answers_with_the_cart_as_it_is_now()
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
    public async Task The_newest_key_still_replays_its_first_result()
    {
        var cart = NewCart();
        await cart.AddItemAsync(new AddCartItem("TEA-001", 1, "a"));
        var first = await cart.AddItemAsync(new AddCartItem("TEA-001", 1, "b"));

        var replay = await cart.AddItemAsync(new AddCartItem("TEA-001", 1, "b"));

        Assert.Equal(first.Version, replay.Version);
        Assert.Equal(2, replay.Items.Single().Quantity);
    }

    [Fact]
    public async Task A_checkout_whose_key_is_no_longer_the_newest_replays_its_order_and_checks_out_nothing_more()
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

    [Fact]
    public async Task A_cart_stores_digests_of_at_most_the_limit_of_keys_however_long_and_many_the_keys()
    {
        var userId = NewUserId();
        var cart = shop.Client.GetGrain<ICartGrain>(userId);
        var keys = CartOptions.MaxIdempotencyKeyLimit + 8;
        for (var i = 0; i < keys; i++)
        {
            await cart.AddItemAsync(new AddCartItem($"TST-00{1 + (i % 3)}", 1, EscapedKey(i)));
        }

        var data = (string?)await shop.Store.HashGetAsync(shop.StateKey("cart", userId, "cart"), "data");

        var entries = JsonNode.Parse(data!)!["idempotencyKeys"]!.AsArray();
        Assert.Equal(CartOptions.MaxIdempotencyKeyLimit, entries.Count);
        Assert.DoesNotContain("key-", data, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u003C", data, StringComparison.Ordinal);
        Assert.Single(entries, e => e!["lines"] is not null);
        Assert.NotNull(entries[^1]!["lines"]);
    }

    [Fact]
    public async Task Keys_pushed_out_of_the_window_are_applied_again_and_the_ones_in_it_are_not()
    {
        var cart = NewCart();
        for (var i = 0; i <= CartOptions.MaxIdempotencyKeyLimit; i++)
        {
            await cart.AddItemAsync(new AddCartItem("TEA-001", 1, EscapedKey(i)));
        }

        await cart.AddItemAsync(new AddCartItem("TEA-001", 1, EscapedKey(1)));
        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => cart.AddItemAsync(new AddCartItem("TEA-001", 2, EscapedKey(2))));
        Assert.Equal(CartOptions.MaxIdempotencyKeyLimit + 1, Assert.Single((await cart.GetAsync()).Items).Quantity);

        await cart.AddItemAsync(new AddCartItem("TEA-001", 1, EscapedKey(0)));

        Assert.Equal(CartOptions.MaxIdempotencyKeyLimit + 2, Assert.Single((await cart.GetAsync()).Items).Quantity);
    }

    [Fact]
    public async Task A_keyed_request_received_before_keys_were_forgotten_and_arriving_late_is_refused_as_a_possible_copy_and_others_are_applied()
    {
        var cart = NewCart();
        var receivedEarly = DateTimeOffset.UtcNow.AddSeconds(-5).ToUnixTimeMilliseconds();
        for (var i = 0; i <= CartOptions.MaxIdempotencyKeyLimit; i++)
        {
            await cart.AddItemAsync(new AddCartItem("TEA-001", 1, EscapedKey(i), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        }

        // Key 0 left the window: a copy of its request received before then cannot be told from the one applied.
        await Assert.ThrowsAsync<StaleRequestException>(() => cart.AddItemAsync(new AddCartItem("TEA-001", 1, EscapedKey(0), receivedEarly)));
        await Assert.ThrowsAsync<StaleRequestException>(() => cart.CheckoutAsync(new Checkout("late-checkout", receivedEarly)));
        Assert.Equal(CartOptions.MaxIdempotencyKeyLimit + 1, Assert.Single((await cart.GetAsync()).Items).Quantity);

        // Received before the key was forgotten, but reaching the cart at once: in flight, not a late copy.
        var receivedJustNow = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 1;
        await cart.AddItemAsync(new AddCartItem("TEA-001", 1, "in-flight", receivedJustNow));
        Assert.Equal(CartOptions.MaxIdempotencyKeyLimit + 2, Assert.Single((await cart.GetAsync()).Items).Quantity);

        // Received now, it is a new request: a forgotten key is a new key.
        var receivedLater = DateTimeOffset.UtcNow.AddSeconds(2).ToUnixTimeMilliseconds();
        await cart.AddItemAsync(new AddCartItem("TEA-001", 1, EscapedKey(0), receivedLater));
        Assert.Equal(CartOptions.MaxIdempotencyKeyLimit + 3, Assert.Single((await cart.GetAsync()).Items).Quantity);
    }

    [Fact]
    public async Task A_key_older_than_the_retention_is_applied_again_and_a_younger_one_is_not()
    {
        var userId = NewUserId();
        var now = DateTimeOffset.UtcNow;
        var retention = new CartOptions().IdempotencyKeyRetention;
        await StoreCartAsync(userId, new CartState
        {
            Lines = [new CartLineState("TEA-001", 2, 6.50m)],
            Version = 2,
            IdempotencyKeys =
            [
                new IdempotencyEntry(IdempotencyDigest.Key("old"), IdempotencyDigest.Request("add TEA-001 1"), (now - retention - TimeSpan.FromMinutes(5)).ToUnixTimeSeconds()),
                new IdempotencyEntry(IdempotencyDigest.Key("young"), IdempotencyDigest.Request("add TEA-001 1"), (now - retention + TimeSpan.FromMinutes(5)).ToUnixTimeSeconds()),
            ],
        });
        var cart = shop.Client.GetGrain<ICartGrain>(userId);

        await cart.AddItemAsync(new AddCartItem("TEA-001", 1, "young"));
        Assert.Equal(2, Assert.Single((await cart.GetAsync()).Items).Quantity);
        await cart.AddItemAsync(new AddCartItem("TEA-001", 1, "old"));

        Assert.Equal(3, Assert.Single((await cart.GetAsync()).Items).Quantity);
        var stored = (await shop.ReadStoredStateAsync(shop.StateKey("cart", userId, "cart")))!;
        Assert.Equal([IdempotencyDigest.Key("young"), IdempotencyDigest.Key("old")], stored["idempotencyKeys"]!.AsArray().Select(e => (string?)e!["key"]));
    }

    /// <summary>Writes a cart's record before its grain was ever activated, as a silo's storage would.</summary>
    private Task StoreCartAsync(string userId, CartState cart) =>
        shop.Store.HashSetAsync(
            shop.StateKey("cart", userId, "cart"),
            [new("data", new Storage.ShopStateSerializer().Serialize(cart).ToString()), new("etag", Guid.NewGuid().ToString("N"))]);
}
