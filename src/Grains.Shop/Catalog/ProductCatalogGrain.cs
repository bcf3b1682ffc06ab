using Grains.Runtime;
using Grains.Shop.Contracts.Products;

namespace Grains.Shop.Catalog;

/// <summary>Read-only, so calls may interleave freely.</summary>
[Reentrant]
public sealed class ProductCatalogGrain(ProductCatalog catalog) : Grain, IProductCatalogGrain
{
    public Task<IReadOnlyList<Product>> ListAsync() => Task.FromResult(catalog.Products);
}
