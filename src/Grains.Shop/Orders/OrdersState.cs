using Grains.Shop.Contracts.Orders;

namespace Grains.Shop.Orders;

/// <summary>
/// The head of a user's order history: how many orders it holds and the ids of the newest. The orders themselves are
/// in pages (<see cref="OrderPageState"/>), so that recording one writes this small record and one page, however long
/// the history.
/// </summary>
[GenerateSerializer, Immutable, Alias("shop.OrdersState")]
public sealed record OrdersState
{
    /// <summary>
    /// How many of the newest order ids are kept. A cart hands the orders grain again only orders still in its outbox,
    /// and those are always among the newest <c>Cart:PendingOrderLimit</c>, so the limit may not exceed this.
    /// </summary>
    public const int RecentOrderIdLimit = 50;

    /// <summary>
    /// The whole history, oldest first, as it was stored before the pages: read from records of that shape and moved
    /// into pages on activation. Always empty in a head written since.
    /// </summary>
    [Id(0)]
    public IReadOnlyList<Order> Orders { get; init; } = [];

    /// <summary>How many orders are stored: those at positions 0 to <c>Count - 1</c>. A page's orders beyond it do not count.</summary>
    [Id(1)]
    public long Count { get; init; }

    /// <summary>The ids of the newest orders, at most <see cref="RecentOrderIdLimit"/>, oldest first.</summary>
    [Id(2)]
    public IReadOnlyList<string> RecentOrderIds { get; init; } = [];

    /// <summary>Whether the order with <paramref name="orderId"/> is among the newest stored.</summary>
    public bool HoldsRecent(string orderId) => RecentOrderIds.Contains(orderId, StringComparer.Ordinal);

    /// <summary>The head of a history of <paramref name="count"/> orders whose newest have the ids <paramref name="orderIds"/> (oldest first).</summary>
    public static OrdersState Of(long count, IEnumerable<string> orderIds)
    {
        var ids = orderIds.ToList();
        return new OrdersState
        {
            Count = count,
            RecentOrderIds = ids.Count > RecentOrderIdLimit ? ids.GetRange(ids.Count - RecentOrderIdLimit, RecentOrderIdLimit) : ids,
        };
    }

    /// <summary>The head once the order with id <paramref name="orderId"/> is stored after the orders this one counts.</summary>
    public OrdersState Appending(string orderId) => Of(Count + 1, RecentOrderIds.Append(orderId));
}
