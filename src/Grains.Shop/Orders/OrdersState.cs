using Grains.Shop.Contracts.Orders;

namespace Grains.Shop.Orders;

public sealed record OrdersState
{
    /// <summary>Oldest first.</summary>
    public IReadOnlyList<Order> Orders { get; init; } = [];
}
