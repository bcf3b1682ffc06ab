using System.Net;
using Grains.Gateway.Tests.Infrastructure;
using Grains.Hosting.Sessions;

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
    public async Task The_gateway_routes_by_the_token_but_the_silo_checks_it()
    {
        using var owner = cluster.CreateGateway().CreateShopClient();
        await owner.SignInAsync("routed-user");
        (await owner.AddItemAsync("TEA-001", 1)).Dispose();

        // The gateway reads the user from any token, signed or not, to pick the user's silo; that silo checks the signature.
        var forged = new SessionTokens(new string('q', 48)).Issue(new SessionToken("0123456789abcdef0123456789abcdef", "routed-user"));
        using var mallory = cluster.CreateGateway().CreateShopClient();
        mallory.UseToken(forged);

        await Problems.AssertProblemAsync(await mallory.GetAsync("/api/cart"), HttpStatusCode.Unauthorized);
        Assert.Equal(1, (await owner.GetCartAsync()).GetProperty("items")[0].GetProperty("quantity").GetInt32());
    }
}
