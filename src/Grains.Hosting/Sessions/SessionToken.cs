namespace Grains.Hosting.Sessions;

/// <summary>What a token carries. Whether the session is still valid is for the session grain to say.</summary>
public sealed record SessionToken(string SessionId, string UserId);
