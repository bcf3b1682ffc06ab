using Grains.Shop.Sessions;

namespace Grains.Shop.Storage;

/// <summary>
/// The grain storage provider sessions keep their state in: Redis, like <see cref="ShopStorage"/>, except that every
/// write also sets the key's expiry to <see cref="Expiry"/>, and clearing a state deletes its key. So a session that is
/// never used again leaves Redis by itself, and a revoked one at once. The silo registers it under this name.
/// </summary>
public static class SessionStorage
{
    public const string Name = "sessions";

    /// <summary>
    /// The expiry of a session's key, set again by each of its writes: the idle timeout plus the most the stored
    /// activity may lag the activation's (<see cref="SessionOptions.LastSeenWriteInterval"/>), rounded up to whole
    /// seconds, which is what Redis' EXPIRE takes. A request always reaches the grain, which writes, before the
    /// activation's last-seen time gets that interval ahead of the stored one, so a key expires only after its session.
    /// </summary>
    public static TimeSpan Expiry(SessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return TimeSpan.FromSeconds(Math.Ceiling((options.IdleTimeout + options.LastSeenWriteInterval).TotalSeconds));
    }
}
