using System.Net;
using Grains.Gateway.Tests.Infrastructure;

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
}
