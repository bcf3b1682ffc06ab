namespace Grains.Shop.Contracts.Sessions;

/// <summary>A valid session as the gateway shows it.</summary>
public sealed record SessionInfo(string SessionId, string UserId, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, DateTimeOffset ExpiresAt);
