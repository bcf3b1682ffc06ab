namespace Grains.Shop.Carts;

/// <summary>A stored cart line; the product name is looked up in the catalog when the cart is shown.</summary>
public sealed record CartLineState(string Sku, int Quantity, decimal UnitPrice);
