using System.Collections.Frozen;
using System.Text.Json;
using Grains.Shop.Contracts.Products;
using Grains.Shop.Serialization;

namespace Grains.Shop.Catalog;

/// <summary>
/// The products the shop sells, loaded once from the data file shipped inside this assembly.
/// It is the only source of SKUs and prices: carts ask it to validate a SKU and to price a line.
/// </summary>
public sealed class ProductCatalog
{
    private const string ResourceName = "Grains.Shop.products.json";
    private readonly FrozenDictionary<string, Product> _bySku;

    public ProductCatalog(IEnumerable<Product> products)
    {
        ArgumentNullException.ThrowIfNull(products);
        Products = [.. products.OrderBy(p => p.Sku, StringComparer.Ordinal)];
        foreach (var product in Products)
        {
            if (!Skus.IsWellFormed(product.Sku) || string.IsNullOrWhiteSpace(product.Name) || product.Price <= 0)
            {
                throw new InvalidDataException($"Catalog entry '{product.Sku}' needs a well-formed SKU, a name and a positive price.");
            }
        }

        if (Products.DistinctBy(p => p.Sku, StringComparer.Ordinal).Count() != Products.Count)
        {
            throw new InvalidDataException("The catalog lists a SKU more than once.");
        }

        _bySku = Products.ToFrozenDictionary(p => p.Sku, StringComparer.Ordinal);
    }

    /// <summary>Every product, ordered by SKU.</summary>
    public IReadOnlyList<Product> Products { get; }

    /// <summary>The catalog shipped with the shop.</summary>
    public static ProductCatalog LoadEmbedded()
    {
        using var stream = typeof(ProductCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the assembly.");
        var products = JsonSerializer.Deserialize(stream, ShopStateJsonContext.Default.IReadOnlyListProduct)
            ?? throw new InvalidDataException("The product data file is empty.");
        return new ProductCatalog(products);
    }

    public bool TryGet(string sku, out Product product) => _bySku.TryGetValue(sku, out product!);
}
