namespace Grains.Shop.Contracts.Carts;

public sealed record SetCartItemQuantity(string Sku, int Quantity);
