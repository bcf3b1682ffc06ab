namespace Grains.Gateway.Apis;

public sealed record CreateSessionRequest(string? UserId);
