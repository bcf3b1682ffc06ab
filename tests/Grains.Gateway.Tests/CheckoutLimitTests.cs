using System.Net;
using Grains.Gateway.Tests.Infrastructure;

namespace Grains.Gateway.Tests;

/// <summary>
/// A checkout beyond the user's limit (here two within ten minutes) gets 429 `Too many checkouts` with Retry-After and
/// changes nothing; the same key, sent again, still gets its order.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CheckoutLimitTests(CheckoutLimitsCluster cluster) : IClassFixture<CheckoutLimitsCluster>
{
    [Fact]
    public async Task A_checkout_beyond_the_limit_gets_429_with_Retry_After_and_changes_nothing()
    {
        using var client = await cluster.Gateway.CreateSignedInClientAsync();
        (await client.AddItemAsync("TEA-001", 1)).Dispose();
        using var first = await client.CheckoutAsync("first");
        (await client.AddItemAsync("TEA-001", 1)).Dispose();
        using var second = await client.CheckoutAsync();
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        (await client.AddItemAsync("COF-001", 2)).Dispose();
        var cart = await client.GetCartAsync();

        using var refused = await client.CheckoutAsync("third");

        var problem = await Problems.AssertProblemAsync(refused, (HttpStatusCode)429);
        Assert.Equal("Too many checkouts", problem.GetProperty("title").GetString());
        Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        Assert.Equal(cart.GetRawText(), (await client.GetCartAsync()).GetRawText());
        using var replay = await client.CheckoutAsync("first");
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
    }
}
