using Grains.Shop.Contracts.Serving;

namespace Grains.Shop.Contracts.Sessions;

/// <summary>
/// The sessions whose grain is active in this process, as their grains publish them, so that the API in the same
/// process checks a token without a grain call. The session grain stays the only writer: it publishes its session
/// when it starts or at its first touch, marks it revoked before <c>RevokeAsync</c> returns, and withdraws it when it
/// deactivates. A request whose session is not here, or that needs the grain (see <see cref="LocalSession.Touch"/>),
/// calls the grain as before.
/// </summary>
public sealed class LocalSessions : LocalTable<LocalSession>
{
    /// <summary>Checks the session of grain <paramref name="key"/> for <paramref name="userId"/> at <paramref name="now"/>, and slides it when it is live.</summary>
    public LocalSessionCheck Touch(string key, string userId, DateTimeOffset now) =>
        TryGetEntry(key, out var session) ? session.Touch(userId, now) : LocalSessionCheck.AskTheGrain;
}
