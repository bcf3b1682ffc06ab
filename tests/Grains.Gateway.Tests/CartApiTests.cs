using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grains.Gateway.Tests.Infrastructure;

namespace Grains.Gateway.Tests;

[Trait("Category", "Integration")]
public sealed class CartApiTests(ShopCluster cluster) : IClassFixture<ShopCluster>
{
    [Fact]
    public async Task Adding_items_prices_the_lines_and_names_the_silo()
    {
        using var client = await cluster.Gateway.CreateSignedInClientAsync();

        using var first = await client.AddItemAsync("TEA-001", 2);
        using var second = await client.AddItemAsync("TEA-001", 3);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False(string.IsNullOrEmpty(second.Headers.GetValues("X-Silo").Single()));
        var cart = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["userId", "items", "total", "version"], cart.EnumerateObject().Select(p => p.Name));
        var line = Assert.Single(cart.GetProperty("items").EnumerateArray());
        Assert.Equal(["sku", "name", "quantity", "unitPrice", "lineTotal"], line.EnumerateObject().Select(p => p.Name));
        Assert.Equal(5, line.GetProperty("quantity").GetInt32());
        Assert.Equal(6.50m, line.GetProperty("unitPrice").GetDecimal());
        Assert.Equal(32.50m, line.GetProperty("lineTotal").GetDecimal());
        Assert.Equal(32.50m, cart.GetProperty("total").GetDecimal());
        Assert.Equal(2, cart.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task X_Silo_names_the_silo_whose_activation_served_the_grain_and_a_users_grains_share_it()
    {
        // Users spread over the silos, so over several users a header that named any other silo would show.
        for (var i = 0; i < 8; i++)
        {
            using var client = cluster.Gateway.CreateShopClient();
            var userId = $"placed-{i}-{Guid.NewGuid():N}";
            var sessionId = (await client.SignInAsync(userId)).GetProperty("sessionId").GetString();

            using var session = await client.GetAsync("/api/sessions/current");
            using var added = await client.AddItemAsync("TEA-001", 1);

            var sessionSilo = await cluster.View.DirectorySiloNameAsync($"session/{userId}/{sessionId}");
            Assert.Equal(sessionSilo, session.Headers.GetValues("X-Silo").Single());
            Assert.Equal(await cluster.View.DirectorySiloNameAsync($"cart/{userId}"), added.Headers.GetValues("X-Silo").Single());
            Assert.Equal(sessionSilo, added.Headers.GetValues("X-Silo").Single());
        }
    }

    [Fact]
    public async Task Putting_a_quantity_sets_it_and_zero_removes_the_line()
    {
        using var client = await cluster.Gateway.CreateSignedInClientAsync();
        (await client.AddItemAsync("COF-001", 4)).Dispose();

        using var set = await client.PutJsonAsync("/api/cart/items/COF-001", """{"quantity":7}""");
        var cart = await set.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(7, cart.GetProperty("items")[0].GetProperty("quantity").GetInt32());

        using var removed = await client.PutJsonAsync("/api/cart/items/COF-001", """{"quantity":0}""");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(0, (await removed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Deleting_a_line_or_the_cart_empties_it()
    {
        using var client = await cluster.Gateway.CreateSignedInClientAsync();
        (await client.AddItemAsync("MUG-001", 1)).Dispose();
        (await client.AddItemAsync("MUG-002", 1)).Dispose();

        using var line = await client.DeleteAsync("/api/cart/items/MUG-001");
        var cart = await line.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("MUG-002", Assert.Single(cart.GetProperty("items").EnumerateArray()).GetProperty("sku").GetString());

        using var all = await client.DeleteAsync("/api/cart");
        Assert.Equal(HttpStatusCode.NoContent, all.StatusCode);
        Assert.Equal(0, (await client.GetCartAsync()).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Checkout_turns_the_cart_into_an_order_and_empties_it()
    {
        using var client = await cluster.Gateway.CreateSignedInClientAsync();
        (await client.AddItemAsync("POT-001", 1)).Dispose();
        (await client.AddItemAsync("SNK-002", 3)).Dispose();

        using var checkout = await client.CheckoutAsync();

        Assert.Equal(HttpStatusCode.Created, checkout.StatusCode);
        var order = await checkout.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["orderId", "items", "total", "createdAt"], order.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, order.GetProperty("items").GetArrayLength());
        Assert.Equal(39.00m + (3 * 3.10m), order.GetProperty("total").GetDecimal());
        Assert.Equal(0, (await client.GetCartAsync()).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Orders_are_listed_newest_first()
    {
        using var client = await cluster.Gateway.CreateSignedInClientAsync();
        var ids = new List<string>();
        foreach (var sku in new[] { "GFT-001", "GFT-002", "GFT-003" })
        {
            (await client.AddItemAsync(sku, 1)).Dispose();
            using var checkout = await client.CheckoutAsync();
            ids.Add((await checkout.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString()!);
        }

        using var response = await client.GetAsync("/api/orders");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var orders = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Enumerable.Reverse(ids), orders.GetProperty("data").EnumerateArray().Select(o => o.GetProperty("orderId").GetString()));
    }

    [Fact]
    public async Task Checkout_of_an_empty_cart_gets_409()
    {
        using var client = await cluster.Gateway.CreateSignedInClientAsync();

        await Problems.AssertProblemAsync(await client.CheckoutAsync(), HttpStatusCode.Conflict);

        using var orders = await client.GetAsync("/api/orders");
        Assert.Equal(0, (await orders.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task Users_see_only_their_own_cart_and_orders()
    {
        using var alice = await cluster.Gateway.CreateSignedInClientAsync();
        using var bob = await cluster.Gateway.CreateSignedInClientAsync();
        (await alice.AddItemAsync("TEA-002", 2)).Dispose();
        (await alice.CheckoutAsync()).Dispose();
        (await alice.AddItemAsync("TEA-003", 1)).Dispose();

        var bobsCart = await bob.GetCartAsync();
        using var bobsOrders = await bob.GetAsync("/api/orders");

        Assert.Equal(0, bobsCart.GetProperty("items").GetArrayLength());
        Assert.Equal(0, (await bobsOrders.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetArrayLength());
        Assert.NotEqual(bobsCart.GetProperty("userId").GetString(), (await alice.GetCartAsync()).GetProperty("userId").GetString());
        Assert.Equal(1, (await alice.GetCartAsync()).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_user_id_in_the_body_or_query_does_not_reach_another_users_cart()
    {
        using var alice = await cluster.Gateway.CreateSignedInClientAsync();
        using var bob = await cluster.Gateway.CreateSignedInClientAsync();
        var aliceId = (await alice.GetCartAsync()).GetProperty("userId").GetString();
        (await alice.AddItemAsync("KIT-001", 1)).Dispose();

        using var attempt = await bob.PostJsonAsync($"/api/cart/items?userId={aliceId}", $$"""{"sku":"KIT-002","quantity":1,"userId":"{{aliceId}}"}""");

        Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        var alicesCart = await alice.GetCartAsync();
        Assert.Equal("KIT-001", Assert.Single(alicesCart.GetProperty("items").EnumerateArray()).GetProperty("sku").GetString());
    }
}
