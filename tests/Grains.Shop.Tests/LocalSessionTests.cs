using Grains.Shop.Contracts.Sessions;

namespace Grains.Shop.Tests;

/// <summary>What the API may decide about a session from the copy its grain publishes in the silo, without calling it.</summary>
public sealed class LocalSessionTests
{
    private static readonly DateTimeOffset s_start = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan s_idle = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan s_writeInterval = TimeSpan.FromMinutes(1);

    private static LocalSession Published() => new("alice", s_start, s_start, s_idle, s_writeInterval);

    [Fact]
    public void A_live_session_of_its_user_is_live_and_slides()
    {
        var session = Published();

        Assert.Equal(LocalSessionCheck.Live, session.Touch("alice", s_start.AddSeconds(20)));
        Assert.Equal(s_start.AddSeconds(20), session.LastSeenAt);
    }

    [Fact]
    public void Another_users_token_for_the_session_is_left_to_the_grain()
    {
        var session = Published();

        Assert.Equal(LocalSessionCheck.AskTheGrain, session.Touch("mallory", s_start.AddSeconds(1)));
        Assert.Equal(s_start, session.LastSeenAt);
    }

    [Fact]
    public void A_revoked_session_is_never_live_again()
    {
        var session = Published();

        session.Revoke();

        Assert.Equal(LocalSessionCheck.AskTheGrain, session.Touch("alice", s_start.AddSeconds(1)));
    }

    [Fact]
    public void An_expired_session_is_left_to_the_grain()
    {
        var session = Published();
        session.Stored(s_start + s_idle);

        Assert.Equal(LocalSessionCheck.AskTheGrain, session.Touch("alice", s_start + s_idle));
    }

    [Fact]
    public void Activity_due_to_be_written_is_left_to_the_grain_until_it_was()
    {
        var session = Published();
        var later = s_start + s_writeInterval;

        Assert.Equal(LocalSessionCheck.AskTheGrain, session.Touch("alice", later));
        session.Seen(later);
        session.Stored(later);
        Assert.Equal(LocalSessionCheck.Live, session.Touch("alice", later.AddSeconds(1)));
    }

    [Fact]
    public void Activity_never_moves_back()
    {
        var session = Published();
        session.Seen(s_start.AddSeconds(30));

        session.Seen(s_start.AddSeconds(10));

        Assert.Equal(s_start.AddSeconds(30), session.LastSeenAt);
    }

    [Fact]
    public void Only_the_published_session_is_withdrawn_and_an_unknown_one_is_left_to_the_grain()
    {
        var sessions = new LocalSessions();
        var first = Published();
        var second = Published();
        sessions.Publish("alice/1", first);
        sessions.Publish("alice/1", second);

        sessions.Withdraw("alice/1", first);

        Assert.Equal(LocalSessionCheck.Live, sessions.Touch("alice/1", "alice", s_start.AddSeconds(1)));
        sessions.Withdraw("alice/1", second);
        Assert.Equal(LocalSessionCheck.AskTheGrain, sessions.Touch("alice/1", "alice", s_start.AddSeconds(1)));
        Assert.Equal(0, sessions.Count);
    }
}
