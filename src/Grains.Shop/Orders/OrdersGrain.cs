using Grains.Shop.Contracts.Orders;
using Grains.Shop.Hosting;
using Grains.Shop.Storage;
using Grains.Shop.Placement;

namespace Grains.Shop.Orders;

/// <summary>
/// A user's order history. It grows by one order per checkout and is written only then, which keeps it out of the
/// cart's state, written on every add.
/// </summary>
[GrainType("orders")]
[UserPlacement]
public sealed class OrdersGrain([PersistentState("orders", ShopStorage.Name)] IPersistentState<OrdersState> state) : MigratingGrain, IOrdersGrain
{
    public async Task RecordAsync(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (state.State.Orders.Any(o => string.Equals(o.OrderId, order.OrderId, StringComparison.Ordinal)))
        {
            return;
        }

        await state.CommitAsync(state.State with { Orders = [.. state.State.Orders, order] });
    }

    public Task<IReadOnlyList<Order>> ListAsync() =>
        Task.FromResult<IReadOnlyList<Order>>([.. state.State.Orders
            .OrderByDescending(o => o.CreatedAt)
            .ThenByDescending(o => o.OrderId, StringComparer.Ordinal)]);
}
