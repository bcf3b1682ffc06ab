using Grains.Shop.Contracts.Orders;

namespace Grains.Shop.Orders;

[GenerateSerializer, Immutable, Alias("shop.OrdersState")]
public sealed record OrdersState
{
    /// <summary>Oldest first.</summary>
    [Id(0)]
    public IReadOnlyList<Order> Orders { get; init; } = [];
}
