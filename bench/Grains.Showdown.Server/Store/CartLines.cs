using Grains.Shop.Catalog;
using Grains.Shop.Contracts.Carts;
using Grains.Shop.Contracts.Products;

namespace Grains.Showdown.Server.Store;

/// <summary>The cart's rules and its view, as the shop's cart grain applies them, for carts kept outside a grain.</summary>
public static class CartLines
{
    /// <summary>The lines with <paramref name="quantity"/> units of <paramref name="product"/> added, checked against the cart's limits.</summary>
    public static IReadOnlyList<StoredLine> Add(IReadOnlyList<StoredLine> lines, Product product, int quantity)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(product);
        var result = lines.ToList();
        var index = result.FindIndex(l => string.Equals(l.Sku, product.Sku, StringComparison.Ordinal));
        var total = quantity + (index < 0 ? 0 : result[index].Quantity);
        if (total > CartLimits.MaxQuantity)
        {
            throw new QuantityOutOfRangeException($"A line holds at most {CartLimits.MaxQuantity} units.");
        }

        if (index < 0 && result.Count >= CartLimits.MaxLines)
        {
            throw new TooManyLinesException($"A cart holds at most {CartLimits.MaxLines} lines.");
        }

        var line = new StoredLine(product.Sku, total, product.Price);
        if (index < 0)
        {
            result.Add(line);
        }
        else
        {
            result[index] = line;
        }

        return result;
    }

    public static Cart ToCart(string userId, IReadOnlyList<StoredLine> lines, long version, ProductCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(catalog);
        IReadOnlyList<CartItem> items = [.. lines.Select(l => new CartItem(
            l.Sku,
            catalog.TryGet(l.Sku, out var product) ? product.Name : l.Sku,
            l.Quantity,
            l.UnitPrice,
            l.UnitPrice * l.Quantity))];
        return new Cart(userId, items, items.Sum(i => i.LineTotal), version);
    }
}
