namespace Grains.Shop.Sessions;

/// <summary>How long sessions live. Bound from the configuration section <c>Sessions</c>.</summary>
public sealed class SessionOptions
{
    public const string SectionName = "Sessions";

    /// <summary>A session expires when it has seen no request for this long; every request slides it.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Activity is written to storage only when it moved the last-seen time by at least this much, so that a request
    /// does not cost a storage write. After a silo crash a session may therefore expire up to this much early.
    /// </summary>
    public TimeSpan LastSeenWriteInterval { get; set; } = TimeSpan.FromMinutes(1);
}
