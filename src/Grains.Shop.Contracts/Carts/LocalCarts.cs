using System.Diagnostics.CodeAnalysis;
using Grains.Shop.Contracts.Serving;

namespace Grains.Shop.Contracts.Carts;

/// <summary>
/// The carts whose grain is active in this process, by user, as their grains last wrote them, so that the API in the
/// same process answers a read without a grain call. The cart grain stays the only writer: it publishes its cart at
/// its first call, shows each change once the store has acknowledged it and before the call that made it returns, and
/// withdraws it when it deactivates or when a write finds another writer. A read whose cart is not here calls the
/// grain as before (and so publishes it).
/// </summary>
public sealed class LocalCarts : LocalTable<LocalCart>
{
    /// <summary>The cart of <paramref name="userId"/> as its active grain in this process last wrote it.</summary>
    public bool TryGet(string userId, [NotNullWhen(true)] out Cart? cart)
    {
        cart = TryGetEntry(userId, out var published) ? published.Cart : null;
        return cart is not null;
    }
}
