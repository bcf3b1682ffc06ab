using System.Collections.Concurrent;

namespace Grains.Shop.Contracts.Sessions;

/// <summary>
/// The sessions whose grain is active in this process, as their grains publish them, so that the API in the same
/// process checks a token without a grain call. The session grain stays the only writer: it publishes its session
/// when it activates or starts, marks it revoked before <c>RevokeAsync</c> returns, and withdraws it when it
/// deactivates. A request whose session is not here, or that needs the grain (see <see cref="LocalSession.Touch"/>),
/// calls the grain as before.
/// </summary>
public sealed class LocalSessions
{
    private readonly ConcurrentDictionary<string, LocalSession> _sessions = new(StringComparer.Ordinal);

    /// <summary>How many sessions are published now.</summary>
    public int Count => _sessions.Count;

    /// <summary>Publishes <paramref name="session"/> under its grain's key, replacing any earlier one.</summary>
    public void Publish(string key, LocalSession session) => _sessions[key] = session;

    /// <summary>Withdraws <paramref name="session"/>, if it is still the one published under <paramref name="key"/>.</summary>
    public void Withdraw(string key, LocalSession session) => _sessions.TryRemove(new KeyValuePair<string, LocalSession>(key, session));

    /// <summary>Checks the session of grain <paramref name="key"/> for <paramref name="userId"/> at <paramref name="now"/>, and slides it when it is live.</summary>
    public LocalSessionCheck Touch(string key, string userId, DateTimeOffset now) =>
        _sessions.TryGetValue(key, out var session) ? session.Touch(userId, now) : LocalSessionCheck.AskTheGrain;
}
