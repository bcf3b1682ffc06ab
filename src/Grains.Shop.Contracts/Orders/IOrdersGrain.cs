namespace Grains.Shop.Contracts.Orders;

/// <summary>
/// A user's order history, keyed by user id: a small head (how many orders, the ids of the newest) and the orders
/// themselves in fixed-size pages (<see cref="IOrderPageGrain"/>). Orders reach it from the user's cart grain.
/// </summary>
[Alias("shop.IOrdersGrain")]
public interface IOrdersGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores <paramref name="order"/> as the newest order, unless an order with its id is among the newest stored (the
    /// last 50: a cart hands over again only orders that recent).
    /// </summary>
    [Alias("Record")]
    Task RecordAsync(Order order);

    /// <summary>
    /// A run of the orders, newest first, as <paramref name="query"/> asks. <paramref name="pending"/> are orders
    /// checked out but perhaps not yet recorded (the cart's outbox, oldest first): those not stored yet are listed as
    /// the newest, at the positions they will be recorded at.
    /// </summary>
    [Alias("ListSlice")]
    Task<OrderSlice> ListAsync(ListOrders query, IReadOnlyList<Order> pending);

    /// <summary>
    /// The stored order with id <paramref name="orderId"/>, or null. Looks from the newest order back, and no further
    /// than orders created before <paramref name="createdAfter"/>.
    /// </summary>
    [Alias("Find")]
    Task<Order?> FindAsync(string orderId, DateTimeOffset createdAfter);
}
