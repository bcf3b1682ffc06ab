namespace Grains.Showdown.Server.Store;

internal sealed class MemorySession(string userId, DateTimeOffset lastSeenAt)
{
    public string UserId { get; } = userId;

    /// <summary>Written without a lock: a sliding expiry may lose a concurrent touch of the same instant.</summary>
    public DateTimeOffset LastSeenAt { get; set; } = lastSeenAt;
}
