namespace Grains.Shop.Contracts.Sessions;

/// <summary>
/// A session as its active grain publishes it in <see cref="LocalSessions"/>: its user, its last activity (which any
/// request of the process may slide, and the grain reads back) and whether it was revoked.
/// </summary>
public sealed class LocalSession(string userId, DateTimeOffset lastSeenAt, DateTimeOffset storedLastSeenAt, TimeSpan idleTimeout, TimeSpan writeInterval)
{
    private long _lastSeenTicks = lastSeenAt.UtcTicks;
    private long _storedLastSeenTicks = storedLastSeenAt.UtcTicks;
    private volatile bool _revoked;

    public string UserId { get; } = userId;

    /// <summary>The last request of the session, slid by requests in this process and by the grain.</summary>
    public DateTimeOffset LastSeenAt => new(Volatile.Read(ref _lastSeenTicks), TimeSpan.Zero);

    /// <summary>Whether the grain revoked it; a revoked session is never live again.</summary>
    public bool IsRevoked => _revoked;

    /// <summary>
    /// <see cref="LocalSessionCheck.Live"/> (and the session's last activity moved to <paramref name="now"/>) when it
    /// belongs to <paramref name="userId"/>, is not revoked, has not expired, and its stored activity is recent enough
    /// not to need a write; otherwise the grain must answer.
    /// </summary>
    public LocalSessionCheck Touch(string userId, DateTimeOffset now)
    {
        var ticks = now.UtcTicks;
        if (_revoked
            || !string.Equals(userId, UserId, StringComparison.Ordinal)
            || ticks >= Volatile.Read(ref _lastSeenTicks) + idleTimeout.Ticks
            || ticks - Volatile.Read(ref _storedLastSeenTicks) >= writeInterval.Ticks)
        {
            return LocalSessionCheck.AskTheGrain;
        }

        Seen(now);
        return LocalSessionCheck.Live;
    }

    /// <summary>Moves the last activity forward to <paramref name="at"/>; never back.</summary>
    public void Seen(DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        long current;
        while ((current = Volatile.Read(ref _lastSeenTicks)) < ticks && Interlocked.CompareExchange(ref _lastSeenTicks, ticks, current) != current)
        {
        }
    }

    /// <summary>The grain wrote the session's activity as of <paramref name="at"/>.</summary>
    public void Stored(DateTimeOffset at) => Volatile.Write(ref _storedLastSeenTicks, at.UtcTicks);

    /// <summary>The grain revoked the session.</summary>
    public void Revoke() => _revoked = true;
}
