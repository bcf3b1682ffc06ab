using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grains.Gateway.Tests.Infrastructure;

namespace Grains.Gateway.Tests;

/// <summary>
/// A checkout while the cart already holds as many unrecorded orders as it may (here one, because the orders grain's
/// stored state cannot be read) is refused with 503 and Retry-After, changes nothing, and goes through once the orders
/// grain is back.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PendingOrderLimitTests(CheckoutLimitsCluster cluster) : IClassFixture<CheckoutLimitsCluster>
{
    [Fact]
    public async Task A_checkout_beyond_the_pending_order_limit_gets_503_with_Retry_After_and_changes_nothing()
    {
        var userId = $"user-{Guid.NewGuid():N}";
        using var client = await cluster.Gateway.CreateSignedInClientAsync(userId);
        var store = await cluster.View.DatabaseAsync();
        var ordersHead = cluster.View.StateKey("orders", userId, "orders");
        await store.HashSetAsync(ordersHead, [new("data", "not json"), new("etag", Guid.NewGuid().ToString("N"))]);
        (await client.AddItemAsync("TEA-001", 1)).Dispose();
        using var first = await client.CheckoutAsync("first");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        (await client.AddItemAsync("COF-001", 2)).Dispose();
        var cart = await client.GetCartAsync();

        using var refused = await client.CheckoutAsync("second");

        var problem = await Problems.AssertProblemAsync(refused, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Orders not yet recorded", problem.GetProperty("title").GetString());
        Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Assert.Equal(cart.GetRawText(), (await client.GetCartAsync()).GetRawText());

        await store.KeyDeleteAsync(ordersHead);
        using var second = await client.CheckoutAsync("second");

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        using var orders = await client.GetAsync("/api/orders");
        Assert.Equal(
            new[] { await OrderIdAsync(second), await OrderIdAsync(first) },
            (await orders.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").EnumerateArray().Select(o => o.GetProperty("orderId").GetString()));
        Assert.Empty((await client.GetCartAsync()).GetProperty("items").EnumerateArray());
    }

    private static async Task<string?> OrderIdAsync(HttpResponseMessage checkout) =>
        (await checkout.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString();
}
