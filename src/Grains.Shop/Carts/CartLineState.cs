namespace Grains.Shop.Carts;

/// <summary>A stored cart line; the product name is looked up in the catalog when the cart is shown.</summary>
[GenerateSerializer, Immutable, Alias("shop.CartLineState")]
public sealed record CartLineState([property: Id(0)] string Sku, [property: Id(1)] int Quantity, [property: Id(2)] decimal UnitPrice);
