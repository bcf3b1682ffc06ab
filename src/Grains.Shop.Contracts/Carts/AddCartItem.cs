namespace Grains.Shop.Contracts.Carts;

/// <param name="IdempotencyKey">When set, a repeat of the same key returns the first result and adds nothing.</param>
public sealed record AddCartItem(string Sku, int Quantity, string? IdempotencyKey = null);
