using System.Net;
using Grains.Gateway.Tests.Infrastructure;

namespace Grains.Gateway.Tests;

[Trait("Category", "Integration")]
public sealed class GatewayRestartTests(ShopCluster cluster) : IClassFixture<ShopCluster>
{
    [Fact]
    public async Task Restarting_the_gateway_loses_no_session_or_cart()
    {
        var first = cluster.CreateGateway();
        string token;
        using (var client = first.CreateShopClient())
        {
            await client.SignInAsync("restart-user");
            (await client.AddItemAsync("TEA-001", 3)).Dispose();
            token = client.Token!;
        }

        await first.DisposeAsync();

        using var again = cluster.CreateGateway().CreateShopClient();
        again.UseToken(token);
        using var session = await again.GetAsync("/api/sessions/current");
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        Assert.Equal(3, (await again.GetCartAsync()).GetProperty("items")[0].GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task Any_gateway_serves_a_token_issued_by_another()
    {
        using var issuer = cluster.CreateGateway().CreateShopClient();
        await issuer.SignInAsync("roaming-user");
        (await issuer.AddItemAsync("MUG-001", 2)).Dispose();

        using var other = cluster.CreateGateway().CreateShopClient();
        other.UseToken(issuer.Token);

        Assert.Equal(2, (await other.GetCartAsync()).GetProperty("items")[0].GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task A_gateway_with_another_token_key_rejects_the_token()
    {
        using var issuer = cluster.CreateGateway().CreateShopClient();
        await issuer.SignInAsync("keyed-user");

        using var other = cluster.CreateGateway(new Dictionary<string, string?> { ["Gateway:TokenKey"] = new string('q', 48) }).CreateShopClient();
        other.UseToken(issuer.Token);

        await Problems.AssertProblemAsync(await other.GetAsync("/api/cart"), HttpStatusCode.Unauthorized);
    }
}
