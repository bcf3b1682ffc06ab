using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grains.Gateway.Tests.Infrastructure;

namespace Grains.Gateway.Tests;

[Trait("Category", "Integration")]
public sealed class IdempotencyTests(ShopCluster cluster) : IClassFixture<ShopCluster>
{
    [Fact]
    public async Task Repeating_an_add_with_the_same_key_replays_the_first_result_and_adds_once()
    {
        using var client = await cluster.Gateway.CreateSignedInClientAsync();
        using var first = await client.AddItemAsync("TEA-004", 2, "add-1");
        var firstBody = await first.Content.ReadAsStringAsync();
        (await client.AddItemAsync("TEA-005", 1)).Dispose();

        using var repeat = await client.AddItemAsync("TEA-004", 2, "add-1");

        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal(firstBody, await repeat.Content.ReadAsStringAsync());
        var cart = await client.GetCartAsync();
        Assert.Equal(2, cart.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("sku").GetString() == "TEA-004").GetProperty("quantity").GetInt32());
        Assert.Equal(2, cart.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Repeating_a_checkout_with_the_same_key_returns_the_same_order_and_orders_once()
    {
        using var client = await cluster.Gateway.CreateSignedInClientAsync();
        (await client.AddItemAsync("KIT-003", 1)).Dispose();
        using var first = await client.CheckoutAsync("checkout-1");
        var order = await first.Content.ReadFromJsonAsync<JsonElement>();
        (await client.AddItemAsync("KIT-004", 1)).Dispose();

        using var repeat = await client.CheckoutAsync("checkout-1");

        Assert.Equal(HttpStatusCode.Created, repeat.StatusCode);
        Assert.Equal(order.GetRawText(), (await repeat.Content.ReadFromJsonAsync<JsonElement>()).GetRawText());
        using var orders = await client.GetAsync("/api/orders");
        Assert.Single((await orders.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").EnumerateArray());
        Assert.Equal("KIT-004", (await client.GetCartAsync()).GetProperty("items")[0].GetProperty("sku").GetString());
    }

    [Fact]
    public async Task A_key_is_per_user()
    {
        using var alice = await cluster.Gateway.CreateSignedInClientAsync();
        using var bob = await cluster.Gateway.CreateSignedInClientAsync();
        (await alice.AddItemAsync("SNK-001", 3, "shared-key")).Dispose();

        using var bobs = await bob.AddItemAsync("SNK-001", 3, "shared-key");

        Assert.Equal(HttpStatusCode.OK, bobs.StatusCode);
        Assert.Equal(3, (await bob.GetCartAsync()).GetProperty("items")[0].GetProperty("quantity").GetInt32());
        Assert.Equal(3, (await alice.GetCartAsync()).GetProperty("items")[0].GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task A_key_reused_for_a_different_request_gets_422_and_changes_nothing()
    {
        using var client = await cluster.Gateway.CreateSignedInClientAsync();
        (await client.AddItemAsync("SNK-003", 1, "key-x")).Dispose();

        await Problems.AssertProblemAsync(await client.AddItemAsync("SNK-003", 5, "key-x"), HttpStatusCode.UnprocessableEntity);
        await Problems.AssertProblemAsync(await client.CheckoutAsync("key-x"), HttpStatusCode.UnprocessableEntity);

        var cart = await client.GetCartAsync();
        Assert.Equal(1, cart.GetProperty("items")[0].GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task A_replayed_key_is_remembered_across_sessions_of_the_same_user()
    {
        var userId = $"user-{Guid.NewGuid():N}";
        using var first = await cluster.Gateway.CreateSignedInClientAsync(userId);
        using var second = await cluster.Gateway.CreateSignedInClientAsync(userId);
        (await first.AddItemAsync("COF-002", 1, "device-retry")).Dispose();

        (await second.AddItemAsync("COF-002", 1, "device-retry")).Dispose();

        Assert.Equal(1, (await first.GetCartAsync()).GetProperty("items")[0].GetProperty("quantity").GetInt32());
    }
}
