using System.Net;
using System.Text.Json;
using Grains.Gateway.Tests.Infrastructure;
using Grains.Testing;

namespace Grains.Gateway.Tests;

public sealed class ThreeSiloCluster() : ShopCluster(siloCount: 3);

[Trait("Category", "Integration")]
public sealed class SiloCrashTests(ThreeSiloCluster cluster) : IClassFixture<ThreeSiloCluster>
{
    [Fact]
    public async Task A_cart_stays_intact_when_the_silo_holding_it_crashes()
    {
        using var client = await cluster.Gateway.CreateSignedInClientAsync();
        (await client.AddItemAsync("TEA-001", 2)).Dispose();
        using var last = await client.AddItemAsync("COF-001", 1);
        var siloName = last.Headers.GetValues("X-Silo").Single();
        var before = await client.GetCartAsync();

        await cluster.KillSiloAsync(siloName);

        HttpResponseMessage? after = null;
        await Poll.UntilAsync(
            async () =>
            {
                after?.Dispose();
                after = await client.GetAsync("/api/cart");
                return after.StatusCode == HttpStatusCode.OK;
            },
            TimeSpan.FromSeconds(30),
            "the cart to be served again after its silo crashed");
        Assert.NotNull(after);
        Assert.NotEqual(siloName, after.Headers.GetValues("X-Silo").Single());
        var cart = JsonDocument.Parse(await after.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(before.GetRawText(), cart.GetRawText());

        using var more = await client.AddItemAsync("TEA-001", 1);
        Assert.Equal(HttpStatusCode.OK, more.StatusCode);
        Assert.Equal(3, (await client.GetCartAsync()).GetProperty("items")[0].GetProperty("quantity").GetInt32());
    }
}
