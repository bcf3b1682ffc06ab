namespace Grains.Shop.Contracts.Sessions;

/// <summary>A valid session as the gateway shows it.</summary>
[GenerateSerializer, Immutable, Alias("shop.SessionInfo")]
public sealed record SessionInfo(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string UserId,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] DateTimeOffset LastSeenAt,
    [property: Id(4)] DateTimeOffset ExpiresAt);
