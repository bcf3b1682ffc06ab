namespace Grains.Shop.Contracts.Orders;

/// <summary>A run of a user's orders, newest first.</summary>
/// <param name="Next">The position to list from for the next, older run (<see cref="ListOrders.Before"/>); null when this run ends with the first order.</param>
[GenerateSerializer, Immutable, Alias("shop.OrderSlice")]
public sealed record OrderSlice([property: Id(0)] IReadOnlyList<Order> Orders, [property: Id(1)] long? Next);
