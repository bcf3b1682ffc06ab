using Grains.Shop.Contracts.Carts;

namespace Grains.Shop.Carts;

public sealed partial class CartGrain
{
    /// <summary>
    /// Turns keys stored the old way (<see cref="LegacyIdempotencyRecord"/>) into entries, so that they stay remembered;
    /// the change is written with the cart's next change.
    /// </summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.LegacyIdempotencyRecords is { } legacy)
        {
            var converted = legacy.Select(r => (r.Order?.OrderId ?? r.OrderId) is { } orderId
                ? new IdempotencyEntry(IdempotencyDigest.Key(r.Key), null, r.RecordedAt.ToUnixTimeSeconds(), orderId)
                : new IdempotencyEntry(IdempotencyDigest.Key(r.Key), IdempotencyDigest.Request(r.Request), r.RecordedAt.ToUnixTimeSeconds()));
            state.State = state.State with
            {
                IdempotencyKeys = IdempotencyWindow.Trim([.. converted, .. state.State.IdempotencyKeys], Now, _options),
                LegacyIdempotencyRecords = null,
            };
        }

        return base.OnActivateAsync(cancellationToken);
    }

    private long Now => timeProvider.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>The entry of an earlier request with this key, or null when the key is new or absent.</summary>
    /// <param name="receivedAt">When the API received the request (Unix milliseconds; 0: unknown).</param>
    /// <exception cref="IdempotencyKeyReusedException">The key was first used for a different request.</exception>
    /// <exception cref="StaleRequestException">The key is not remembered, but the request is older than keys the cart forgot.</exception>
    private IdempotencyEntry? FindReplay(string? key, string request, long receivedAt)
    {
        if (key is null)
        {
            return null;
        }

        if (IdempotencyWindow.Find(state.State.IdempotencyKeys, IdempotencyDigest.Key(key), Now, _options) is not { } entry)
        {
            if (receivedAt > 0 && receivedAt < state.State.ForgottenBefore
                && timeProvider.GetUtcNow().ToUnixTimeMilliseconds() - receivedAt >= _options.LateCopyAge.TotalMilliseconds)
            {
                LogStale(logger, UserId, request);
                throw new StaleRequestException("The request was received before keys this cart no longer remembers were recorded; it may be a late copy of one of them.");
            }

            return null;
        }

        var same = entry.OrderId is not null
            ? string.Equals(request, CheckoutRequest, StringComparison.Ordinal)
            : string.Equals(entry.Request, IdempotencyDigest.Request(request), StringComparison.Ordinal);
        if (!same)
        {
            throw new IdempotencyKeyReusedException("The idempotency key was already used for a different request.");
        }

        LogReplayed(logger, UserId, request);
        return entry;
    }

    /// <summary>
    /// Adds the key's entry to <paramref name="next"/>, which is then written in the same write as the change itself:
    /// a crash leaves either both or neither. An add keeps the cart it produced, a checkout its order's id.
    /// </summary>
    private CartState Remember(CartState next, string? key, string request, IReadOnlyList<CartLineState>? lines = null, long version = 0, string? orderId = null)
    {
        if (key is null)
        {
            return next;
        }

        var entry = orderId is null
            ? new IdempotencyEntry(IdempotencyDigest.Key(key), IdempotencyDigest.Request(request), Now, Lines: lines, Version: version)
            : new IdempotencyEntry(IdempotencyDigest.Key(key), null, Now, orderId);
        // Entries keep whole seconds: a key that leaves is taken as forgotten until the end of its second.
        var forgotten = IdempotencyWindow.NewestDropped(next.IdempotencyKeys, entry.At, _options) is { } at
            ? Math.Max(next.ForgottenBefore, (at + 1) * 1000)
            : next.ForgottenBefore;
        return next with { IdempotencyKeys = IdempotencyWindow.Add(next.IdempotencyKeys, entry, _options), ForgottenBefore = forgotten };
    }
}
