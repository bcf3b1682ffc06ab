namespace Grains.Shop.Contracts.Carts;

/// <summary>A cart as clients see it. <see cref="Version"/> grows by one with every change.</summary>
[GenerateSerializer, Immutable, Alias("shop.Cart")]
public sealed record Cart(
    [property: Id(0)] string UserId,
    [property: Id(1)] IReadOnlyList<CartItem> Items,
    [property: Id(2)] decimal Total,
    [property: Id(3)] long Version);
