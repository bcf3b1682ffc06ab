namespace Grains.Shop.Sessions;

/// <summary>
/// A session as stored. <see cref="LastSeenAt"/> and <see cref="ExpiresAt"/> are written only when activity moved
/// them by at least <see cref="SessionOptions.LastSeenWriteInterval"/>, so they may lag the activation's view.
/// </summary>
[GenerateSerializer, Immutable, Alias("shop.SessionState")]
public sealed record SessionState
{
    [Id(0)]
    public string UserId { get; init; } = string.Empty;

    [Id(1)]
    public DateTimeOffset CreatedAt { get; init; }

    [Id(2)]
    public DateTimeOffset LastSeenAt { get; init; }

    [Id(3)]
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>
    /// Set only in records written before a revocation deleted the session's state; such a record is deleted when its
    /// grain next looks at it.
    /// </summary>
    [Id(4)]
    public bool Revoked { get; init; }
}
