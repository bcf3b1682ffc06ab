namespace Grains.Shop.Contracts.Products;

public sealed record Product(string Sku, string Name, decimal Price);
