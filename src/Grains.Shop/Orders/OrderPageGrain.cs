using Grains.Shop.Contracts.Orders;
using Grains.Shop.Hosting;
using Grains.Shop.Placement;
using Grains.Shop.Storage;

namespace Grains.Shop.Orders;

/// <summary>
/// One page of a user's order history (<see cref="OrderPageState.Capacity"/> orders), written only by the user's
/// orders grain. Keyed <c>{userId}/{page}</c>, so the user's placement keeps it beside the user's other grains. A page
/// is read when someone lists its orders and rarely again, so an idle one is collected sooner than Orleans' default.
/// </summary>
[GrainType("orderpage")]
[UserPlacement]
[CollectionAgeLimit(Minutes = 2)]
public sealed class OrderPageGrain([PersistentState("page", ShopStorage.Name)] IPersistentState<OrderPageState> state) : MigratingGrain, IOrderPageGrain
{
    public Task<IReadOnlyList<Order>> GetAsync() => Task.FromResult(state.State.Orders);

    public async Task WriteAsync(int slot, IReadOnlyList<Order> orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var stored = state.State.Orders;
        if (slot < 0 || slot > stored.Count || orders.Count == 0 || slot + orders.Count > OrderPageState.Capacity)
        {
            // A gap or an overflow means the orders grain lost count: nothing is written that would hide it.
            throw new ArgumentOutOfRangeException(nameof(slot), "The orders do not fit the page from this slot.");
        }

        // An order id stands for one immutable order, so the same ids in the same slots are the same orders.
        if (stored.Count == slot + orders.Count
            && stored.Skip(slot).Select(o => o.OrderId).SequenceEqual(orders.Select(o => o.OrderId), StringComparer.Ordinal))
        {
            return;
        }

        await state.CommitAsync(new OrderPageState { Orders = [.. stored.Take(slot), .. orders] });
    }
}
