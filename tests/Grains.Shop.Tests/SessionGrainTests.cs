using Grains.Shop.Contracts.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace Grains.Shop.Tests;

[Trait("Category", "Integration")]
public sealed class SessionGrainTests(ShopCluster shop) : IClassFixture<ShopCluster>
{
    /// <summary>A session grain of a new id, and the Redis key its state is stored under.</summary>
    private (ISessionGrain Session, StackExchange.Redis.RedisKey Key) NewStoredSession(string userId)
    {
        var sessionKey = UserGrainKeys.Session(userId, Guid.NewGuid().ToString("N"));
        return (shop.Client.GetGrain<ISessionGrain>(sessionKey), shop.StateKey("session", sessionKey, "session"));
    }

    /// <summary>Stores <paramref name="json"/> as a session's state behind its grain's back, with no expiry, as a record written before sessions expired in Redis.</summary>
    private async Task StoreAsync(StackExchange.Redis.RedisKey key, string json) =>
        await shop.Store.HashSetAsync(key, [new("etag", Guid.NewGuid().ToString("N")), new("data", json)]);

    private ISessionGrain NewSession(string userId) => shop.Client.GetGrain<ISessionGrain>(UserGrainKeys.Session(userId, Guid.NewGuid().ToString("N")));

    [Fact]
    public async Task A_touch_slides_the_expiry()
    {
        var session = NewSession("alice");
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
        var session = NewSession("bob");
        await session.StartAsync("bob");

        await session.RevokeAsync();

        Assert.Null(await session.TouchAsync());
        Assert.Null(await session.GetAsync());
        Assert.Null(await NewSession("bob").TouchAsync());
    }

    [Fact]
    public async Task Revoking_deletes_the_stored_session()
    {
        var (session, key) = NewStoredSession("gina");
        await session.StartAsync("gina");
        Assert.NotNull(await shop.ReadStoredStateAsync(key));

        await session.RevokeAsync();

        Assert.False(await shop.Store.KeyExistsAsync(key));
        Assert.Null(await session.TouchAsync());
        Assert.False(await shop.Store.KeyExistsAsync(key));
    }

    [Fact]
    public async Task A_stored_session_expires_in_Redis_after_its_idle_timeout_and_write_interval()
    {
        var (session, key) = NewStoredSession("hank");
        await session.StartAsync("hank");

        var expiry = await shop.Store.KeyTimeToLiveAsync(key);

        // The defaults: 30 minutes idle, activity written at most 1 minute late.
        Assert.NotNull(expiry);
        Assert.InRange(expiry.Value, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(31));
    }

    [Fact]
    public async Task A_stored_session_found_expired_is_deleted()
    {
        var (session, key) = NewStoredSession("ivan");
        var lastSeen = DateTimeOffset.UtcNow.AddHours(-2);
        await StoreAsync(key, $$"""{"userId":"ivan","createdAt":"{{lastSeen:O}}","lastSeenAt":"{{lastSeen:O}}","expiresAt":"{{lastSeen.AddMinutes(30):O}}","revoked":false}""");

        Assert.Null(await session.TouchAsync());

        Assert.False(await shop.Store.KeyExistsAsync(key));
    }

    [Fact]
    public async Task A_revoked_record_written_before_revocations_deleted_state_is_deleted_when_looked_at()
    {
        var (session, key) = NewStoredSession("judy");
        var now = DateTimeOffset.UtcNow;
        await StoreAsync(key, $$"""{"userId":"judy","createdAt":"{{now:O}}","lastSeenAt":"{{now:O}}","expiresAt":"{{now.AddMinutes(30):O}}","revoked":true}""");

        Assert.Null(await session.GetAsync());

        Assert.False(await shop.Store.KeyExistsAsync(key));
    }

    [Fact]
    public async Task A_session_id_cannot_be_started_twice()
    {
        var session = NewSession("carol");
        await session.StartAsync("carol");

        await Assert.ThrowsAsync<SessionConflictException>(() => session.StartAsync("carol"));

        Assert.Equal("carol", (await session.GetAsync())!.UserId);
    }

    [Fact]
    public async Task A_session_refuses_a_user_other_than_the_one_its_key_names()
    {
        var session = NewSession("carol");

        await Assert.ThrowsAsync<ArgumentException>(() => session.StartAsync("mallory"));

        Assert.Null(await session.GetAsync());
    }

    [Fact]
    public async Task A_sessions_id_is_the_part_of_its_key_after_the_user()
    {
        var sessionId = Guid.NewGuid().ToString("N");

        var started = await shop.Client.GetGrain<ISessionGrain>(UserGrainKeys.Session("dora", sessionId)).StartAsync("dora");

        Assert.Equal(sessionId, started.SessionId);
        Assert.Equal("dora", started.UserId);
    }

    [Fact]
    public async Task An_invalid_user_id_is_refused()
    {
        var session = NewSession("not valid");

        await Assert.ThrowsAsync<ArgumentException>(() => session.StartAsync("not valid"));

        Assert.Null(await session.GetAsync());
    }

    [Fact]
    public async Task A_live_session_is_published_in_its_silo_until_it_is_revoked()
    {
        var key = UserGrainKeys.Session("erin", Guid.NewGuid().ToString("N"));
        var session = shop.Client.GetGrain<ISessionGrain>(key);
        await session.StartAsync("erin");
        var local = shop.SiloHosting(session)!.ServiceProvider.GetRequiredService<LocalSessions>();

        Assert.Equal(LocalSessionCheck.Live, local.Touch(key, "erin", DateTimeOffset.UtcNow));

        await session.RevokeAsync();

        Assert.Equal(LocalSessionCheck.AskTheGrain, local.Touch(key, "erin", DateTimeOffset.UtcNow));
        Assert.Null(await session.TouchAsync());
    }

    [Fact]
    public async Task Requests_checked_in_the_silo_slide_the_session_the_grain_reports()
    {
        var key = UserGrainKeys.Session("fred", Guid.NewGuid().ToString("N"));
        var session = shop.Client.GetGrain<ISessionGrain>(key);
        var started = await session.StartAsync("fred");
        var local = shop.SiloHosting(session)!.ServiceProvider.GetRequiredService<LocalSessions>();

        Assert.Equal(LocalSessionCheck.Live, local.Touch(key, "fred", started.LastSeenAt.AddSeconds(5)));

        Assert.Equal(started.LastSeenAt.AddSeconds(5), (await session.GetAsync())!.LastSeenAt);
    }
}
