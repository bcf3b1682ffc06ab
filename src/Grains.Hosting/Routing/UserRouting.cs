using System.Globalization;
using System.Net;

namespace Grains.Hosting.Routing;

/// <summary>
/// Which silo holds a user's grains: rendezvous hashing (highest random weight) of the user over the silos. Every
/// silo scores <c>hash(silo, user)</c> and the highest score wins. The silos' placement and the gateway's routing use
/// this one function over the same active silos, so a request lands where its user's grains live. When a silo joins,
/// only the users it now wins move, all to it; when one leaves, only its users move, each to its next choice.
/// </summary>
public static class UserRouting
{
    /// <summary>
    /// A silo's key: its endpoint (<c>ip:port</c>) without Orleans' generation, so that a silo restarted on the same
    /// address and port gets the same users back.
    /// </summary>
    public static string SiloKey(IPEndPoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return SiloKey(endpoint.Address.ToString(), endpoint.Port);
    }

    public static string SiloKey(string host, int port) => string.Create(CultureInfo.InvariantCulture, $"{host}:{port}");

    /// <summary>The score of <paramref name="siloKey"/> for <paramref name="user"/>: the same in every process and run.</summary>
    public static ulong Score(ReadOnlySpan<char> user, string siloKey)
    {
        ArgumentNullException.ThrowIfNull(siloKey);
        var hash = Fnv(Fnv(FnvOffset, siloKey), "\0");
        return Mix(Fnv(hash, user));
    }

    /// <summary>The index in <paramref name="siloKeys"/> of <paramref name="user"/>'s silo; -1 when there is none.</summary>
    public static int Pick(ReadOnlySpan<char> user, IReadOnlyList<string> siloKeys)
    {
        ArgumentNullException.ThrowIfNull(siloKeys);
        var best = -1;
        var bestScore = 0UL;
        for (var i = 0; i < siloKeys.Count; i++)
        {
            var score = Score(user, siloKeys[i]);
            if (best < 0 || score > bestScore || (score == bestScore && string.CompareOrdinal(siloKeys[i], siloKeys[best]) < 0))
            {
                best = i;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>
    /// The indexes of <paramref name="siloKeys"/> in <paramref name="user"/>'s order of preference: the first is its
    /// silo, the second the silo it moves to when the first leaves, and so on.
    /// </summary>
    public static int[] Rank(ReadOnlySpan<char> user, IReadOnlyList<string> siloKeys)
    {
        ArgumentNullException.ThrowIfNull(siloKeys);
        return Rank(user, siloKeys, static key => key);
    }

    /// <summary>As <see cref="Rank(ReadOnlySpan{char}, IReadOnlyList{string})"/>, over items whose silo key <paramref name="keyOf"/> gives.</summary>
    public static int[] Rank<T>(ReadOnlySpan<char> user, IReadOnlyList<T> silos, Func<T, string> keyOf)
    {
        ArgumentNullException.ThrowIfNull(silos);
        ArgumentNullException.ThrowIfNull(keyOf);
        var order = new int[silos.Count];
        Span<ulong> scores = silos.Count <= 64 ? stackalloc ulong[silos.Count] : new ulong[silos.Count];
        for (var i = 0; i < order.Length; i++)
        {
            var score = Score(user, keyOf(silos[i]));

            // Insertion sort, highest score first: clusters have a handful of silos.
            var at = i;
            while (at > 0 && Before(score, keyOf(silos[i]), scores[at - 1], keyOf(silos[order[at - 1]])))
            {
                scores[at] = scores[at - 1];
                order[at] = order[at - 1];
                at--;
            }

            scores[at] = score;
            order[at] = i;
        }

        return order;

        static bool Before(ulong score, string key, ulong otherScore, string otherKey) =>
            score > otherScore || (score == otherScore && string.CompareOrdinal(key, otherKey) < 0);
    }

    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    /// <summary>FNV-1a over UTF-16 code units: stable across processes, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static ulong Fnv(ulong hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ (uint)(c & 0xFF)) * FnvPrime;
            hash = (hash ^ (uint)(c >> 8)) * FnvPrime;
        }

        return hash;
    }

    /// <summary>A 64-bit finalizer (MurmurHash3's), so that users differing in their last characters spread evenly.</summary>
    private static ulong Mix(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccd;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53;
        hash ^= hash >> 33;
        return hash;
    }
}
