namespace Grains.Chaos.Workload;

/// <summary>The body of <c>POST /api/sessions</c>.</summary>
public sealed record SessionView(string SessionId, string Token, string UserId, DateTimeOffset ExpiresAt);
