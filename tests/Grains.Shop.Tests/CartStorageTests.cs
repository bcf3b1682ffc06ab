using System.Globalization;
using System.Text.Json.Nodes;
using Grains.Shop.Contracts.Carts;
using Orleans.Storage;

namespace Grains.Shop.Tests;

/// <summary>What a cart leaves in Redis, and what it does when someone else wrote there first.</summary>
[Trait("Category", "Integration")]
public sealed class CartStorageTests(ShopCluster shop) : IClassFixture<ShopCluster>
{
    private static readonly TimeSpan s_deactivationTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_cart_is_stored_as_readable_camel_case_json_beside_its_etag()
    {
        var userId = $"user-{Guid.NewGuid():N}";
        await shop.Client.GetGrain<ICartGrain>(userId).AddItemAsync(new AddCartItem("TEA-001", 2));

        var fields = (await shop.Store.HashGetAllAsync(shop.StateKey("cart", userId, "cart"))).ToDictionary(e => e.Name.ToString(), e => e.Value.ToString(), StringComparer.Ordinal);

        Assert.Equal(["data", "etag"], fields.Keys.Order(StringComparer.Ordinal));
        Assert.False(string.IsNullOrWhiteSpace(fields["etag"]));
        var data = JsonNode.Parse(fields["data"])!.AsObject();
        Assert.Equal(["idempotencyKeys", "lines", "pendingOrders", "version"], data.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(1, (long)data["version"]!);
        var line = Assert.Single(data["lines"]!.AsArray())!.AsObject();
        Assert.Equal(["quantity", "sku", "unitPrice"], line.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("TEA-001", (string?)line["sku"]);
        Assert.Equal(2, (int)line["quantity"]!);
        Assert.Equal(6.50m, (decimal)line["unitPrice"]!);
        Assert.Empty(data["idempotencyKeys"]!.AsArray());
        Assert.Empty(data["pendingOrders"]!.AsArray());
    }

    [Fact]
    public async Task A_cart_stored_with_whole_idempotency_keys_still_loads_and_its_keys_are_still_remembered()
    {
        var userId = $"user-{Guid.NewGuid():N}";
        var key = shop.StateKey("cart", userId, "cart");
        var recordedAt = DateTimeOffset.UtcNow.AddHours(-1).ToString("O", CultureInfo.InvariantCulture);
        var line = """{"sku":"TEA-001","quantity":2,"unitPrice":6.50}""";
        await shop.Store.HashSetAsync(key, [
            new("data", $$"""
                {"lines":[{{line}}],"version":1,"idempotencyRecords":[
                {"key":"add<1>","request":"add TEA-001 2","recordedAt":"{{recordedAt}}","lines":[{{line}}],"version":1,"order":null,"orderId":null},
                {"key":"pay","request":"checkout","recordedAt":"{{recordedAt}}","lines":null,"version":0,"order":null,"orderId":"0193a8c2e4f07b4c9a1d2e3f4a5b6c7d"}],
                "pendingOrders":[]}
                """),
            new("etag", Guid.NewGuid().ToString("N"))]);
        var cart = shop.Client.GetGrain<ICartGrain>(userId);

        var replay = await cart.AddItemAsync(new AddCartItem("TEA-001", 2, "add<1>"));
        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => cart.AddItemAsync(new AddCartItem("TEA-001", 2, "pay")));
        Assert.Equal(1, replay.Version);
        Assert.Equal(2, Assert.Single(replay.Items).Quantity);

        await cart.AddItemAsync(new AddCartItem("TEA-001", 1, "next"));

        var stored = (await shop.ReadStoredStateAsync(key))!;
        Assert.False(stored.ContainsKey("idempotencyRecords"));
        Assert.Equal(3, stored["idempotencyKeys"]!.AsArray().Count);
        Assert.Equal(3, (int)stored["lines"]![0]!["quantity"]!);
    }

    [Fact]
    public async Task An_etag_conflict_deactivates_the_activation_and_the_next_call_sees_the_stored_state()
    {
        var userId = $"user-{Guid.NewGuid():N}";
        var cart = shop.Client.GetGrain<ICartGrain>(userId);
        await cart.AddItemAsync(new AddCartItem("TEA-001", 1));

        await shop.WriteCartBehindItsBackAsync(userId, stored =>
        {
            stored["lines"]![0]!["quantity"] = 5;
            stored["version"] = 7;
            return stored;
        });
        var deactivated = shop.Cluster.WaitForDeactivationAsync(cart);

        await Assert.ThrowsAsync<InconsistentStateException>(() => cart.AddItemAsync(new AddCartItem("TEA-001", 1)));
        await deactivated.WaitAsync(s_deactivationTimeout);

        var reread = await cart.GetAsync();
        Assert.Equal(7, reread.Version);
        Assert.Equal(5, Assert.Single(reread.Items).Quantity);
        var next = await cart.AddItemAsync(new AddCartItem("TEA-001", 1));
        Assert.Equal(8, next.Version);
        Assert.Equal(6, Assert.Single(next.Items).Quantity);
    }
}
