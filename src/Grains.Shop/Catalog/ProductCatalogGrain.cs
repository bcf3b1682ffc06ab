using Grains.Shop.Contracts.Products;
using Orleans.Concurrency;

namespace Grains.Shop.Catalog;

/// <summary>
/// Read-only and stateless: a stateless worker, so every silo serves the catalog from a local activation (no directory
/// entry, no hop), and reentrant, so calls interleave freely.
/// </summary>
[GrainType("catalog")]
[StatelessWorker]
[Reentrant]
public sealed class ProductCatalogGrain(ProductCatalog catalog) : Grain, IProductCatalogGrain
{
    public Task<IReadOnlyList<Product>> ListAsync() => Task.FromResult(catalog.Products);
}
