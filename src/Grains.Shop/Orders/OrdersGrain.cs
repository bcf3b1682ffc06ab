using Grains.Shop.Contracts.Orders;
using Grains.Shop.Contracts.Sessions;
using Grains.Shop.Hosting;
using Grains.Shop.Placement;
using Grains.Shop.Storage;
using Microsoft.Extensions.Logging;

namespace Grains.Shop.Orders;

/// <summary>
/// A user's order history: a head (<see cref="OrdersState"/>) and pages of <see cref="OrderPageState.Capacity"/>
/// orders, each its own grain. Order number n (from 0) is at a position that never changes: slot n % Capacity of page
/// n / Capacity. Recording an order writes its page, then the head; the head's count says which orders are stored.
/// A crash between the two leaves an order in a page beyond the count: not listed, not acknowledged, so the cart
/// hands it over again and it is written to the same slot. A crash after the head leaves the order acknowledged to no
/// one: the cart hands it over again, and its id among the head's newest makes that a no-op.
/// </summary>
[GrainType("orders")]
[UserPlacement]
public sealed partial class OrdersGrain(
    [PersistentState("orders", ShopStorage.Name)] IPersistentState<OrdersState> state,
    ILogger<OrdersGrain> logger) : MigratingGrain, IOrdersGrain
{
    private string UserId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Orders.Count > 0)
        {
            await MoveIntoPagesAsync();
        }
    }

    public async Task RecordAsync(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var head = state.State;
        if (head.HoldsRecent(order.OrderId))
        {
            return;
        }

        await Page(OrderPageState.PageOf(head.Count)).WriteAsync(OrderPageState.SlotOf(head.Count), [order]);
        await state.CommitAsync(head.Appending(order.OrderId));
    }

    public async Task<OrderSlice> ListAsync(ListOrders query, IReadOnlyList<Order> pending)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(pending);
        if (!OrderListLimits.IsValidLimit(query.Limit) || query.Before < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(query), "The limit or the position is out of range.");
        }

        // Orders not recorded yet will be recorded in the outbox's order after the stored ones: they are listed there now.
        var head = state.State;
        var unrecorded = pending.Where(o => !head.HoldsRecent(o.OrderId)).ToList();
        var end = Math.Min(query.Before ?? long.MaxValue, head.Count + unrecorded.Count);
        var start = Math.Max(0, end - query.Limit);
        var orders = new List<Order>((int)(end - start));
        for (var position = end - 1; position >= start && position >= head.Count; position--)
        {
            orders.Add(unrecorded[(int)(position - head.Count)]);
        }

        var storedEnd = Math.Min(end, head.Count);
        if (storedEnd > start)
        {
            var first = OrderPageState.PageOf(start);
            var last = OrderPageState.PageOf(storedEnd - 1);
            var pages = await Task.WhenAll(Enumerable.Range(0, (int)(last - first + 1)).Select(i => Page(first + i).GetAsync()));
            for (var position = storedEnd - 1; position >= start; position--)
            {
                orders.Add(OrderAt(pages[(int)(OrderPageState.PageOf(position) - first)], position));
            }
        }

        return new OrderSlice(orders, start > 0 ? start : null);
    }

    public async Task<Order?> FindAsync(string orderId, DateTimeOffset createdAfter)
    {
        ArgumentNullException.ThrowIfNull(orderId);
        var count = state.State.Count;
        for (var page = OrderPageState.PageOf(count - 1); count > 0 && page >= 0; page--)
        {
            var orders = await Page(page).GetAsync();
            var first = page * OrderPageState.Capacity;
            var stored = orders.Take((int)Math.Min(orders.Count, count - first)).ToList();
            if (stored.FirstOrDefault(o => string.Equals(o.OrderId, orderId, StringComparison.Ordinal)) is { } found)
            {
                return found;
            }

            // Orders are recorded in the order they were checked out: a page whose orders all predate the bound ends the search.
            if (stored.All(o => o.CreatedAt < createdAfter))
            {
                return null;
            }
        }

        return null;
    }

    private IOrderPageGrain Page(long page) => GrainFactory.GetGrain<IOrderPageGrain>(UserGrainKeys.OrderPage(UserId, page));

    /// <exception cref="InvalidOperationException">The page holds fewer orders than the head counts: a store changed behind the grains' backs.</exception>
    private static Order OrderAt(IReadOnlyList<Order> page, long position)
    {
        var slot = OrderPageState.SlotOf(position);
        return slot < page.Count
            ? page[slot]
            : throw new InvalidOperationException($"Order position {position} is counted but its page does not hold it.");
    }

    /// <summary>
    /// Moves a history stored in the old shape (one record of every order) into pages, then writes the head. Pages may
    /// hold orders already: written by a move that a crash cut short, or by this version before a silo of the previous
    /// one, which knows only the one record, wrote it again during a rolling upgrade (keeping only the orders it
    /// recorded). Those stay where they are, counted up to the first page that is not full, and the record's orders
    /// not among them follow, in the order they were listed before: by creation time, then id.
    /// </summary>
    private async Task MoveIntoPagesAsync()
    {
        var stored = new List<Order>();
        for (var page = 0L; ; page++)
        {
            var orders = await Page(page).GetAsync();
            stored.AddRange(orders);
            if (orders.Count < OrderPageState.Capacity)
            {
                break;
            }
        }

        var known = stored.Select(o => o.OrderId).ToHashSet(StringComparer.Ordinal);
        var moved = state.State.Orders
            .Where(o => known.Add(o.OrderId))
            .OrderBy(o => o.CreatedAt)
            .ThenBy(o => o.OrderId, StringComparer.Ordinal)
            .ToList();
        long count = stored.Count;
        for (var i = 0; i < moved.Count;)
        {
            var slot = OrderPageState.SlotOf(count);
            var take = Math.Min(OrderPageState.Capacity - slot, moved.Count - i);
            await Page(OrderPageState.PageOf(count)).WriteAsync(slot, moved.GetRange(i, take));
            i += take;
            count += take;
        }

        await state.CommitAsync(OrdersState.Of(count, stored.Concat(moved).Select(o => o.OrderId)));
        LogMovedIntoPages(logger, UserId, moved.Count);
    }
}
