using System.Net;
using System.Text.Json;
using Grains.Gateway.Tests.Infrastructure;
using Grains.Testing;

namespace Grains.Gateway.Tests;

/// <summary>A silo process killed with SIGKILL under a gateway: its users' carts come back whole on another silo.</summary>
[Trait("Category", "Chaos")]
[Collection(ChaosCollection.Name)]
public sealed class SiloCrashTests(SiloProcessCluster cluster) : IClassFixture<SiloProcessCluster>
{
    [Fact]
    public async Task A_cart_stays_intact_when_the_silo_holding_it_crashes()
    {
        using var client = await cluster.Gateway.CreateSignedInClientAsync();
        var userId = (await client.GetCartAsync()).GetProperty("userId").GetString();
        (await client.AddItemAsync("TEA-001", 2)).Dispose();
        using var last = await client.AddItemAsync("COF-001", 1);
        var siloName = last.Headers.GetValues("X-Silo").Single();
        Assert.Equal(siloName, await cluster.View.DirectorySiloNameAsync($"cart/{userId}"));
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
            TimeSpan.FromSeconds(60),
            "the cart to be served again after its silo was killed");
        Assert.NotNull(after);
        var servedBy = after.Headers.GetValues("X-Silo").Single();
        Assert.NotEqual(siloName, servedBy);
        Assert.Contains(servedBy, cluster.SiloNames);
        var cart = JsonDocument.Parse(await after.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(before.GetRawText(), cart.GetRawText());
        after.Dispose();

        using var more = await client.AddItemAsync("TEA-001", 1);
        Assert.Equal(HttpStatusCode.OK, more.StatusCode);
        Assert.Equal(servedBy, await cluster.View.DirectorySiloNameAsync($"cart/{userId}"));
        Assert.Equal(3, (await client.GetCartAsync()).GetProperty("items")[0].GetProperty("quantity").GetInt32());
    }
}
