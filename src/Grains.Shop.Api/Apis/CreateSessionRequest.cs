namespace Grains.Shop.Api.Apis;

public sealed record CreateSessionRequest(string? UserId);
