namespace Grains.Shop.Contracts.Carts;

/// <param name="IdempotencyKey">When set, a repeat of the same key returns the first order and orders nothing.</param>
public sealed record Checkout(string? IdempotencyKey = null);
