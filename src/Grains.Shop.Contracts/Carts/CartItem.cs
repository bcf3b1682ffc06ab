namespace Grains.Shop.Contracts.Carts;

[GenerateSerializer, Immutable, Alias("shop.CartItem")]
public sealed record CartItem(
    [property: Id(0)] string Sku,
    [property: Id(1)] string Name,
    [property: Id(2)] int Quantity,
    [property: Id(3)] decimal UnitPrice,
    [property: Id(4)] decimal LineTotal);
