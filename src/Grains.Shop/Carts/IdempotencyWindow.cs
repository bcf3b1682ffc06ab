namespace Grains.Shop.Carts;

/// <summary>
/// Which idempotency keys a cart remembers: the newest <see cref="CartOptions.IdempotencyKeyLimit"/>, none older than
/// <see cref="CartOptions.IdempotencyKeyRetention"/>, oldest first. The cart's record is written whole on every change,
/// so the count bounds what every change writes, whatever the keys and however many were sent.
/// </summary>
internal static class IdempotencyWindow
{
    /// <summary>The entry of the key whose digest is <paramref name="keyDigest"/>, or null when the key is new or forgotten.</summary>
    /// <param name="now">Unix seconds.</param>
    public static IdempotencyEntry? Find(IReadOnlyList<IdempotencyEntry> entries, string keyDigest, long now, CartOptions options)
    {
        var cutoff = Cutoff(now, options);
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            if (entries[i].At >= cutoff && string.Equals(entries[i].Key, keyDigest, StringComparison.Ordinal))
            {
                return entries[i];
            }
        }

        return null;
    }

    /// <summary>
    /// The entries remembered once <paramref name="entry"/> is added as the newest, at its time. It is the only one
    /// left with a result: older entries keep what identifies their request, so a record holds at most one old cart.
    /// </summary>
    public static IReadOnlyList<IdempotencyEntry> Add(IReadOnlyList<IdempotencyEntry> entries, IdempotencyEntry entry, CartOptions options) =>
        [.. Remembered(entries, entry.At, options.IdempotencyKeyLimit - 1, options).Select(WithoutResult), entry];

    /// <summary>When the newest of the entries that <see cref="Add"/> at <paramref name="now"/> drops was first seen (Unix seconds); null when it drops none.</summary>
    public static long? NewestDropped(IReadOnlyList<IdempotencyEntry> entries, long now, CartOptions options)
    {
        var cutoff = Cutoff(now, options);
        var remembered = entries.Where(e => e.At >= cutoff).ToList();
        return entries.Where(e => e.At < cutoff)
            .Concat(remembered.Take(Math.Max(0, remembered.Count - (options.IdempotencyKeyLimit - 1))))
            .Select(e => (long?)e.At)
            .Max();
    }

    /// <summary>The entries still remembered at <paramref name="now"/> (Unix seconds).</summary>
    public static IReadOnlyList<IdempotencyEntry> Trim(IReadOnlyList<IdempotencyEntry> entries, long now, CartOptions options) =>
        [.. Remembered(entries, now, options.IdempotencyKeyLimit, options)];

    private static IEnumerable<IdempotencyEntry> Remembered(IReadOnlyList<IdempotencyEntry> entries, long now, int count, CartOptions options)
    {
        var cutoff = Cutoff(now, options);
        return entries.Where(e => e.At >= cutoff).TakeLast(count);
    }

    private static IdempotencyEntry WithoutResult(IdempotencyEntry entry) =>
        entry is { Lines: null, Version: 0 } ? entry : entry with { Lines = null, Version = 0 };

    private static long Cutoff(long now, CartOptions options) => now - (long)options.IdempotencyKeyRetention.TotalSeconds;
}
