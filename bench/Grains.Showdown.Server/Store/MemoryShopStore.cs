using System.Collections.Concurrent;
using Grains.Shop.Catalog;
using Grains.Shop.Contracts.Carts;
using Grains.Shop.Contracts.Products;
using Grains.Showdown.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Grains.Showdown.Server.Store;

/// <summary>
/// Sessions and carts in this process's memory only: no store round trip, and nothing survives the process. A lock per
/// cart keeps concurrent changes of one cart from losing an update.
/// </summary>
public sealed class MemoryShopStore(ProductCatalog catalog, IOptions<ServerOptions> options, TimeProvider time) : IShopStore
{
    private readonly ConcurrentDictionary<string, MemorySession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MemoryCart> _carts = new(StringComparer.Ordinal);
    private readonly TimeSpan _idleTimeout = options.Value.SessionIdleTimeout;
    private long _writes;

    public ServerStats Stats => new(Interlocked.Read(ref _writes), 0, 0);

    public Task StartSessionAsync(string sessionId, string userId)
    {
        _sessions[sessionId] = new MemorySession(userId, time.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task<bool> TouchSessionAsync(string sessionId, string userId)
    {
        var now = time.GetUtcNow();
        var live = _sessions.TryGetValue(sessionId, out var session)
            && string.Equals(session.UserId, userId, StringComparison.Ordinal)
            && now - session.LastSeenAt < _idleTimeout;
        if (live)
        {
            session!.LastSeenAt = now;
        }

        return Task.FromResult(live);
    }

    public Task<Cart> GetCartAsync(string userId)
    {
        var cart = CartOf(userId);
        lock (cart)
        {
            return Task.FromResult(CartLines.ToCart(userId, cart.Lines, cart.Version, catalog));
        }
    }

    public Task<Cart> AddItemAsync(string userId, Product product, int quantity)
    {
        var cart = CartOf(userId);
        lock (cart)
        {
            cart.Lines = CartLines.Add(cart.Lines, product, quantity);
            cart.Version++;
            Interlocked.Increment(ref _writes);
            return Task.FromResult(CartLines.ToCart(userId, cart.Lines, cart.Version, catalog));
        }
    }

    private MemoryCart CartOf(string userId) => _carts.GetOrAdd(userId, static _ => new MemoryCart());
}
