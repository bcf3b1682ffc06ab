namespace Grains.Shop.Contracts.Sessions;

/// <summary>
/// How a user's grains are keyed: the cart and the orders by the user id, a session by <c>{userId}/{sessionId}</c>, a
/// page of the order history by <c>{userId}/{page}</c>.
/// So the user of any of them is its key up to the first <c>/</c> (user ids have none), and placement can keep all of
/// a user's grains on one silo.
/// </summary>
public static class UserGrainKeys
{
    public const char Separator = '/';

    /// <summary>The key of a session grain.</summary>
    public static string Session(string userId, string sessionId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(sessionId);
        return string.Concat(userId, "/", sessionId);
    }

    /// <summary>The key of page <paramref name="page"/> (0 for the oldest orders) of a user's order history.</summary>
    public static string OrderPage(string userId, long page)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{userId}/{page}");
    }

    /// <summary>The user a grain key belongs to.</summary>
    public static ReadOnlySpan<char> UserOf(string grainKey)
    {
        ArgumentNullException.ThrowIfNull(grainKey);
        var separator = grainKey.IndexOf(Separator, StringComparison.Ordinal);
        return separator < 0 ? grainKey : grainKey.AsSpan(0, separator);
    }

    /// <summary>The session id within a session grain's key.</summary>
    public static string SessionIdOf(string sessionKey)
    {
        ArgumentNullException.ThrowIfNull(sessionKey);
        return sessionKey[(sessionKey.IndexOf(Separator, StringComparison.Ordinal) + 1)..];
    }
}
