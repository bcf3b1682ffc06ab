using Grains.Shop.Contracts.Orders;

namespace Grains.Shop.Contracts.Carts;

/// <summary>
/// A user's cart and the way into their orders, keyed by user id. Every change is persisted before the call
/// returns. Calls that carry an idempotency key are applied at most once per key: a repeat returns the first result.
/// </summary>
[Alias("shop.ICartGrain")]
public interface ICartGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<Cart> GetAsync();

    /// <summary>Adds a quantity of a product to the cart.</summary>
    /// <exception cref="UnknownSkuException">The SKU is not in the catalog.</exception>
    /// <exception cref="QuantityOutOfRangeException">The quantity, or the line's resulting quantity, is out of range.</exception>
    /// <exception cref="TooManyLinesException">The cart already has the maximum number of lines.</exception>
    /// <exception cref="IdempotencyKeyReusedException">The key was used for a different request.</exception>
    [Alias("AddItem")]
    Task<Cart> AddItemAsync(AddCartItem command);

    /// <summary>Sets a line's quantity; 0 removes the line.</summary>
    [Alias("SetQuantity")]
    Task<Cart> SetQuantityAsync(SetCartItemQuantity command);

    /// <summary>Removes a line; removing a product that is not in the cart changes nothing.</summary>
    [Alias("RemoveItem")]
    Task<Cart> RemoveItemAsync(string sku);

    [Alias("Clear")]
    Task ClearAsync();

    /// <summary>Turns the cart into an order and empties it, in one persisted step.</summary>
    /// <exception cref="EmptyCartException">The cart has no lines.</exception>
    /// <exception cref="PendingOrdersFullException">Too many earlier orders are not yet recorded by the orders grain.</exception>
    [Alias("Checkout")]
    Task<Order> CheckoutAsync(Checkout command);

    /// <summary>A run of the user's orders, newest first, those not yet handed to the orders grain included.</summary>
    [Alias("ListOrders")]
    Task<OrderSlice> ListOrdersAsync(ListOrders query);
}
