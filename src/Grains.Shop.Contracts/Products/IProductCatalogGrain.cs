namespace Grains.Shop.Contracts.Products;

/// <summary>Serves the product catalog. It holds no state of its own, so any key works; callers use <see cref="Key"/>.</summary>
[Alias("shop.IProductCatalogGrain")]
public interface IProductCatalogGrain : IGrainWithStringKey
{
    public const string Key = "default";

    [Alias("List")]
    Task<IReadOnlyList<Product>> ListAsync();
}
