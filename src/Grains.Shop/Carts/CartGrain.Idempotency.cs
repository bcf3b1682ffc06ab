using Grains.Shop.Contracts.Carts;
using Grains.Shop.Contracts.Orders;

namespace Grains.Shop.Carts;

public sealed partial class CartGrain
{
    /// <summary>The first result of an earlier request with this key, or null when the key is new (or absent).</summary>
    /// <exception cref="IdempotencyKeyReusedException">The key was first used for a different request.</exception>
    private IdempotencyRecord? FindReplay(string? key, string request)
    {
        if (key is null)
        {
            return null;
        }

        var records = state.State.IdempotencyRecords;
        for (var i = records.Count - 1; i >= 0; i--)
        {
            if (string.Equals(records[i].Key, key, StringComparison.Ordinal))
            {
                if (!string.Equals(records[i].Request, request, StringComparison.Ordinal))
                {
                    throw new IdempotencyKeyReusedException("The idempotency key was already used for a different request.");
                }

                LogReplayed(logger, UserId, request);
                return records[i];
            }
        }

        return null;
    }

    /// <summary>
    /// Adds the key's record to <paramref name="next"/>, which is then written in the same write as the change itself:
    /// a crash leaves either both or neither. Keys older than the retention go, and the oldest beyond the limit.
    /// </summary>
    private CartState Remember(CartState next, string? key, string request, IReadOnlyList<CartLineState>? lines = null, long version = 0, Order? order = null)
    {
        if (key is null)
        {
            return next;
        }

        var now = timeProvider.GetUtcNow();
        var cutoff = now - _options.IdempotencyKeyRetention;
        var kept = next.IdempotencyRecords.Where(r => r.RecordedAt >= cutoff).ToList();
        kept.Add(new IdempotencyRecord(key, request, now, lines, version, order));
        if (kept.Count > _options.IdempotencyKeyLimit)
        {
            kept.RemoveRange(0, kept.Count - _options.IdempotencyKeyLimit);
        }

        // Only the newest keep their whole result; a cart written on every change must not carry a thousand old carts.
        for (var i = kept.Count - _options.IdempotencyResultLimit - 1; i >= 0 && !kept[i].IsCompacted; i--)
        {
            kept[i] = kept[i].Compacted();
        }

        return next with { IdempotencyRecords = kept };
    }
}
