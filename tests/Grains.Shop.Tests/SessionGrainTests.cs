using Grains.Shop.Contracts.Sessions;

namespace Grains.Shop.Tests;

[Trait("Category", "Integration")]
public sealed class SessionGrainTests(ShopCluster shop) : IClassFixture<ShopCluster>
{
    private ISessionGrain NewSession() => shop.Client.GetGrain<ISessionGrain>(Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_touch_slides_the_expiry()
    {
        var session = NewSession();
        var started = await session.StartAsync("alice");

        var touched = await session.TouchAsync();

        Assert.NotNull(touched);
        Assert.Equal("alice", touched.UserId);
        Assert.True(touched.ExpiresAt >= started.ExpiresAt);
        Assert.Equal(started.CreatedAt, touched.CreatedAt);
    }

    [Fact]
    public async Task A_revoked_or_unknown_session_is_not_valid()
    {
        var session = NewSession();
        await session.StartAsync("bob");

        await session.RevokeAsync();

        Assert.Null(await session.TouchAsync());
        Assert.Null(await session.GetAsync());
        Assert.Null(await NewSession().TouchAsync());
    }

    [Fact]
    public async Task A_session_id_cannot_be_started_twice()
    {
        var session = NewSession();
        await session.StartAsync("carol");

        await Assert.ThrowsAsync<SessionConflictException>(() => session.StartAsync("mallory"));

        Assert.Equal("carol", (await session.GetAsync())!.UserId);
    }

    [Fact]
    public async Task An_invalid_user_id_is_refused()
    {
        var session = NewSession();

        await Assert.ThrowsAsync<ArgumentException>(() => session.StartAsync("not valid"));

        Assert.Null(await session.GetAsync());
    }
}
