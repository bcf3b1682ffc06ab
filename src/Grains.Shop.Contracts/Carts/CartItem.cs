namespace Grains.Shop.Contracts.Carts;

public sealed record CartItem(string Sku, string Name, int Quantity, decimal UnitPrice, decimal LineTotal);
