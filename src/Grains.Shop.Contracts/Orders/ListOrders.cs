namespace Grains.Shop.Contracts.Orders;

/// <summary>
/// Asks for up to <paramref name="Limit"/> of a user's orders, newest first, older than position
/// <paramref name="Before"/> (null: from the newest). An order's position is its place in the history, counted from 0
/// for the first order; it never changes, so a listing continued from a position neither skips nor repeats an order
/// when orders are added meanwhile.
/// </summary>
[GenerateSerializer, Immutable, Alias("shop.ListOrders")]
public sealed record ListOrders([property: Id(0)] int Limit, [property: Id(1)] long? Before = null);
