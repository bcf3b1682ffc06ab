namespace Grains.Gateway.Apis;

public sealed record CreatedSession(string SessionId, string Token, string UserId, DateTimeOffset ExpiresAt);
