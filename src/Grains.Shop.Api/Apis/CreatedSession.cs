namespace Grains.Shop.Api.Apis;

public sealed record CreatedSession(string SessionId, string Token, string UserId, DateTimeOffset ExpiresAt);
