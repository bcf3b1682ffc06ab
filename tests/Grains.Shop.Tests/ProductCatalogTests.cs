using Grains.Shop.Catalog;
using Grains.Shop.Contracts.Products;

namespace Grains.Shop.Tests;

public sealed class ProductCatalogTests
{
    [Fact]
    public void The_shipped_catalog_has_at_least_20_well_formed_products()
    {
        var catalog = ProductCatalog.LoadEmbedded();

        Assert.True(catalog.Products.Count >= 20);
        Assert.All(catalog.Products, p => Assert.True(Skus.IsWellFormed(p.Sku) && p.Price > 0 && p.Name.Length > 0));
        Assert.True(catalog.TryGet("TEA-001", out var tea));
        Assert.Equal(6.50m, tea.Price);
    }

    [Fact]
    public void A_catalog_with_a_duplicate_sku_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => new ProductCatalog([new Product("A-1", "a", 1m), new Product("A-1", "b", 2m)]));
    }
}
