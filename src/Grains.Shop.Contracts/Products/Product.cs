namespace Grains.Shop.Contracts.Products;

[GenerateSerializer, Immutable, Alias("shop.Product")]
public sealed record Product([property: Id(0)] string Sku, [property: Id(1)] string Name, [property: Id(2)] decimal Price);
