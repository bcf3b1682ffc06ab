using Grains.Shop.Contracts.Carts;

namespace Grains.Shop.Contracts.Orders;

/// <summary>The result of a checkout: what was bought, at which prices.</summary>
[GenerateSerializer, Immutable, Alias("shop.Order")]
public sealed record Order(
    [property: Id(0)] string OrderId,
    [property: Id(1)] IReadOnlyList<CartItem> Items,
    [property: Id(2)] decimal Total,
    [property: Id(3)] DateTimeOffset CreatedAt);
