namespace Grains.Shop.Contracts.Products;

/// <summary>The shape of a SKU. Whether it names a product is for the catalog to say.</summary>
public static class Skus
{
    public const int MaxLength = 32;

    public static bool IsWellFormed(string? sku) =>
        sku is { Length: > 0 and <= MaxLength } && sku.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
