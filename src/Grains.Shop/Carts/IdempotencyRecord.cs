using Grains.Shop.Contracts.Orders;

namespace Grains.Shop.Carts;

/// <summary>
/// The first result of a request that carried an idempotency key. <see cref="Request"/> describes the request, so a key
/// reused for a different request is told apart from a retry. An add keeps the cart it produced (its lines and
/// version); a checkout keeps its order.
/// </summary>
public sealed record IdempotencyRecord(
    string Key,
    string Request,
    DateTimeOffset RecordedAt,
    IReadOnlyList<CartLineState>? Lines = null,
    long Version = 0,
    Order? Order = null);
