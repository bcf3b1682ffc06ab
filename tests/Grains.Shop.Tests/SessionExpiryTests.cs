using Grains.Shop.Contracts.Sessions;
using Grains.Testing;

namespace Grains.Shop.Tests;

[Trait("Category", "Integration")]
public sealed class SessionExpiryTests(ShortSessionShopCluster shop) : IClassFixture<ShortSessionShopCluster>
{
    [Fact]
    public async Task A_session_nobody_calls_again_leaves_storage_by_itself_and_its_activation_refuses_it()
    {
        var sessionKey = UserGrainKeys.Session("kim", Guid.NewGuid().ToString("N"));
        var session = shop.Client.GetGrain<ISessionGrain>(sessionKey);
        var key = shop.StateKey("session", sessionKey, "session");
        await session.StartAsync("kim");

        await Poll.UntilAsync(async () => !await shop.Store.KeyExistsAsync(key), TimeSpan.FromSeconds(60), "the session's key to expire");

        // The activation still holds the session in memory; it finds it expired, and its stored copy already gone.
        Assert.Null(await session.TouchAsync());
        Assert.Null(await session.GetAsync());
        Assert.False(await shop.Store.KeyExistsAsync(key));
    }
}
