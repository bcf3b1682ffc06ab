namespace Grains.Shop.Contracts.Sessions;

/// <summary>
/// One signed-in session, keyed by <c>{userId}/{sessionId}</c> (<see cref="UserGrainKeys.Session"/>), so that it lives
/// on its user's silo. The API checks it on every request.
/// </summary>
[Alias("shop.ISessionGrain")]
public interface ISessionGrain : IGrainWithStringKey
{
    /// <summary>Opens the session for <paramref name="userId"/>, the user its key names.</summary>
    /// <exception cref="SessionConflictException">The session id is already in use.</exception>
    [Alias("Start")]
    Task<SessionInfo> StartAsync(string userId);

    /// <summary>
    /// Records activity and slides the expiry. Returns null when the session does not exist, was revoked or expired,
    /// so that the caller treats the token as invalid; a session found expired is deleted from storage then.
    /// </summary>
    [Alias("Touch")]
    Task<SessionInfo?> TouchAsync();

    /// <summary>Returns the session without recording activity; null when it is not valid.</summary>
    [Alias("Get")]
    Task<SessionInfo?> GetAsync();

    /// <summary>
    /// Revokes the session for good: its stored state is deleted before the call returns, and the silo's published
    /// view of it (<see cref="LocalSessions"/>) refuses it. Revoking an unknown or revoked session does nothing.
    /// </summary>
    [Alias("Revoke")]
    Task RevokeAsync();
}
