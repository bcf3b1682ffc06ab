using System.Net;
using Grains.Gateway.Tests.Infrastructure;
using Grains.Testing;

namespace Grains.Gateway.Tests;

/// <summary>
/// Redis going away under a running cluster. Found by the chaos suite: a write whose store call failed reached the
/// client as 500 with the store's own exception type. It must be a 503 that the client can retry with its key.
/// </summary>
[Trait("Category", "Chaos")]
[Collection(ChaosCollection.Name)]
public sealed class StoreOutageTests(AppendOnlyShopCluster cluster) : IClassFixture<AppendOnlyShopCluster>
{
    [Fact]
    public async Task While_Redis_is_down_a_write_gets_503_and_once_it_is_back_the_retried_add_applies_once()
    {
        using var client = await cluster.Gateway.CreateSignedInClientAsync();
        using (var first = await client.AddItemAsync("TEA-001", 2, "outage-1"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        await cluster.Redis.KillAsync();
        using (var during = await client.AddItemAsync("TEA-001", 1, "outage-2"))
        {
            await Problems.AssertProblemAsync(during, HttpStatusCode.ServiceUnavailable);
            Assert.True(during.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 503 without Retry-After");
        }

        await cluster.Redis.RestartAsync();
        await Poll.UntilAsync(
            async () =>
            {
                using var retry = await client.AddItemAsync("TEA-001", 1, "outage-2");
                return retry.StatusCode == HttpStatusCode.OK;
            },
            TimeSpan.FromSeconds(30),
            "the add to succeed once Redis is back");

        var cart = await client.GetCartAsync();
        Assert.Equal(3, cart.GetProperty("items")[0].GetProperty("quantity").GetInt32());
    }
}
