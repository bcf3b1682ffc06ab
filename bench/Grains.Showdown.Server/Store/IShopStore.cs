using Grains.Shop.Contracts.Carts;
using Grains.Shop.Contracts.Products;

namespace Grains.Showdown.Server.Store;

/// <summary>Where an architecture keeps sessions and carts: this process's memory, or Redis.</summary>
public interface IShopStore
{
    Task StartSessionAsync(string sessionId, string userId);

    /// <summary>True when the session exists, belongs to <paramref name="userId"/> and has not expired; slides its expiry.</summary>
    Task<bool> TouchSessionAsync(string sessionId, string userId);

    Task<Cart> GetCartAsync(string userId);

    Task<Cart> AddItemAsync(string userId, Product product, int quantity);

    ServerStats Stats { get; }
}
