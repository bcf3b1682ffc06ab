using System.Net;
using Grains.Gateway.Tests.Infrastructure;

namespace Grains.Gateway.Tests;

[Trait("Category", "Integration")]
public sealed class ConcurrencyTests(ShopCluster cluster) : IClassFixture<ShopCluster>
{
    [Fact]
    public async Task Two_hundred_concurrent_adds_to_one_cart_sum_exactly()
    {
        var userId = $"busy-{Guid.NewGuid():N}";
        var clients = new List<ShopClient>();
        for (var i = 0; i < 4; i++)
        {
            clients.Add(await cluster.Gateway.CreateSignedInClientAsync(userId));
        }

        var skus = new[] { "TEA-001", "TEA-002", "COF-001", "MUG-001" };
        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            clients[i % clients.Count].AddItemAsync(skus[i % skus.Length], 1 + (i % 3))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var cart = await clients[0].GetCartAsync();
        var expected = Enumerable.Range(0, 200).Sum(i => 1 + (i % 3));
        Assert.Equal(expected, cart.GetProperty("items").EnumerateArray().Sum(l => l.GetProperty("quantity").GetInt32()));
        Assert.Equal(200, cart.GetProperty("version").GetInt64());
        foreach (var response in responses)
        {
            response.Dispose();
        }

        foreach (var client in clients)
        {
            client.Dispose();
        }
    }
}
