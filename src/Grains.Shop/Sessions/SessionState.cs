namespace Grains.Shop.Sessions;

/// <summary>
/// A session as stored. <see cref="LastSeenAt"/> and <see cref="ExpiresAt"/> are written only when activity moved
/// them by at least <see cref="SessionOptions.LastSeenWriteInterval"/>, so they may lag the activation's view.
/// </summary>
public sealed record SessionState
{
    public string UserId { get; init; } = string.Empty;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset LastSeenAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public bool Revoked { get; init; }
}
