using Grains.Shop.Contracts.Orders;

namespace Grains.Shop.Carts;

/// <summary>
/// Everything a cart grain stores, in one record so that one write covers a change, the idempotency record of the
/// request that made it and, for a checkout, the new order.
/// </summary>
[GenerateSerializer, Immutable, Alias("shop.CartState")]
public sealed record CartState
{
    [Id(0)]
    public IReadOnlyList<CartLineState> Lines { get; init; } = [];

    /// <summary>Grows by one with every change of <see cref="Lines"/>.</summary>
    [Id(1)]
    public long Version { get; init; }

    /// <summary>Remembered idempotency keys, oldest first.</summary>
    [Id(2)]
    public IReadOnlyList<IdempotencyRecord> IdempotencyRecords { get; init; } = [];

    /// <summary>
    /// Orders checked out but not yet acknowledged by the user's orders grain (an outbox). They are delivered again
    /// until acknowledged; the orders grain ignores an order id it already holds.
    /// </summary>
    [Id(3)]
    public IReadOnlyList<Order> PendingOrders { get; init; } = [];
}
