using System.Net;
using Grains.Gateway.Tests.Infrastructure;
using Grains.Testing;

namespace Grains.Gateway.Tests;

[Trait("Category", "Integration")]
public sealed class SessionExpiryTests(ShortSessionCluster cluster) : IClassFixture<ShortSessionCluster>
{
    [Fact]
    public async Task An_expired_session_token_gets_401()
    {
        using var client = cluster.Gateway.CreateShopClient();
        var session = await client.SignInAsync("sleepy");
        var expiresAt = session.GetProperty("expiresAt").GetDateTimeOffset();

        // Idle past the expiry the session itself announced; any request in between would slide it.
        await Task.Delay((expiresAt - DateTimeOffset.UtcNow) + TimeSpan.FromMilliseconds(200));

        await Problems.AssertProblemAsync(await client.GetAsync("/api/cart"), HttpStatusCode.Unauthorized);
        await Problems.AssertProblemAsync(await client.GetAsync("/api/sessions/current"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_session_never_used_after_sign_in_leaves_Redis_without_another_request()
    {
        using var client = cluster.Gateway.CreateShopClient();
        var sessionId = (await client.SignInAsync("no-show")).GetProperty("sessionId").GetString()!;

        // Nobody calls the session again: its key must go by its expiry in Redis.
        await Poll.UntilAsync(
            async () => !await cluster.View.SessionIsStoredAsync("no-show", sessionId),
            TimeSpan.FromSeconds(60),
            "the unused session's state to leave Redis");

        await Problems.AssertProblemAsync(await client.GetAsync("/api/cart"), HttpStatusCode.Unauthorized);
    }
}
