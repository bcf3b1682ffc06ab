namespace Grains.Shop.Contracts.Carts;

[GenerateSerializer, Immutable, Alias("shop.SetCartItemQuantity")]
public sealed record SetCartItemQuantity([property: Id(0)] string Sku, [property: Id(1)] int Quantity);
