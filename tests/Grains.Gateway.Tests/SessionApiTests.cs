using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grains.Gateway.Tests.Infrastructure;

namespace Grains.Gateway.Tests;

[Trait("Category", "Integration")]
public sealed class SessionApiTests(ShopCluster cluster) : IClassFixture<ShopCluster>
{
    [Fact]
    public async Task Creating_a_session_returns_its_id_token_user_and_expiry()
    {
        using var client = cluster.Gateway.CreateShopClient();
        using var response = await client.Http.PostAsJsonAsync("/api/sessions", new { userId = "alice.smith@example-1_x" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var session = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["sessionId", "token", "userId", "expiresAt"], session.EnumerateObject().Select(p => p.Name));
        Assert.Equal("alice.smith@example-1_x", session.GetProperty("userId").GetString());
        Assert.True(session.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task The_current_session_is_shown_to_its_token()
    {
        using var client = cluster.Gateway.CreateShopClient();
        var created = await client.SignInAsync("bob");

        using var response = await client.GetAsync("/api/sessions/current");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("X-Silo"));
        var session = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["sessionId", "userId", "createdAt", "lastSeenAt", "expiresAt"], session.EnumerateObject().Select(p => p.Name));
        Assert.Equal(created.GetProperty("sessionId").GetString(), session.GetProperty("sessionId").GetString());
        Assert.Equal("bob", session.GetProperty("userId").GetString());
        Assert.True(session.GetProperty("expiresAt").GetDateTimeOffset() > session.GetProperty("lastSeenAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_revoked_session_token_gets_401()
    {
        using var client = cluster.Gateway.CreateShopClient();
        await client.SignInAsync("carol");

        using var revoked = await client.DeleteAsync("/api/sessions/current");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);

        await Problems.AssertProblemAsync(await client.GetAsync("/api/cart"), HttpStatusCode.Unauthorized);
        await Problems.AssertProblemAsync(await client.GetAsync("/api/sessions/current"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Revoking_a_session_deletes_its_state_from_Redis_before_it_answers()
    {
        using var client = cluster.Gateway.CreateShopClient();
        var session = await client.SignInAsync("erin");
        var sessionId = session.GetProperty("sessionId").GetString()!;
        using var used = await client.GetAsync("/api/sessions/current");
        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        Assert.True(await cluster.View.SessionIsStoredAsync("erin", sessionId));

        using var revoked = await client.DeleteAsync("/api/sessions/current");

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.False(await cluster.View.SessionIsStoredAsync("erin", sessionId));
        await Problems.AssertProblemAsync(await client.GetAsync("/api/sessions/current"), HttpStatusCode.Unauthorized);
        Assert.False(await cluster.View.SessionIsStoredAsync("erin", sessionId));
    }

    [Fact]
    public async Task Two_sessions_of_one_user_are_independent()
    {
        using var first = cluster.Gateway.CreateShopClient();
        using var second = cluster.Gateway.CreateShopClient();
        await first.SignInAsync("dave");
        await second.SignInAsync("dave");

        using var revoked = await first.DeleteAsync("/api/sessions/current");

        await Problems.AssertProblemAsync(await first.GetAsync("/api/cart"), HttpStatusCode.Unauthorized);
        using var stillValid = await second.GetAsync("/api/cart");
        Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
    }

    [Fact]
    public async Task Products_are_listed_without_a_token()
    {
        using var client = cluster.Gateway.CreateShopClient();

        using var response = await client.GetAsync("/api/products");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var products = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(products.GetArrayLength() >= 20);
        Assert.All(products.EnumerateArray(), p => Assert.Equal(["sku", "name", "price"], p.EnumerateObject().Select(x => x.Name)));
    }

    [Fact]
    public async Task Health_and_the_OpenAPI_document_are_served()
    {
        using var client = cluster.Gateway.CreateShopClient();

        using var live = await client.GetAsync("/health/live");
        using var ready = await client.GetAsync("/health/ready");
        using var openApi = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        var document = await openApi.Content.ReadFromJsonAsync<JsonElement>();
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/cart/items/{sku}", paths);
        Assert.Contains("/api/sessions", paths);
    }
}
