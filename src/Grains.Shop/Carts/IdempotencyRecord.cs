using Grains.Shop.Contracts.Orders;

namespace Grains.Shop.Carts;

/// <summary>
/// The first result of a request that carried an idempotency key. <see cref="Request"/> describes the request, so a key
/// reused for a different request is told apart from a retry. An add keeps the cart it produced (its lines and
/// version); a checkout keeps its order. Once newer keys have pushed a record past
/// <see cref="CartOptions.IdempotencyResultLimit"/>, it is compacted: the lines and the order go, the version and the
/// order's id stay.
/// </summary>
public sealed record IdempotencyRecord(
    string Key,
    string Request,
    DateTimeOffset RecordedAt,
    IReadOnlyList<CartLineState>? Lines = null,
    long Version = 0,
    Order? Order = null,
    string? OrderId = null)
{
    public bool IsCompacted => Lines is null && Order is null;

    public IdempotencyRecord Compacted() => this with { Lines = null, Order = null, OrderId = Order?.OrderId ?? OrderId };
}
