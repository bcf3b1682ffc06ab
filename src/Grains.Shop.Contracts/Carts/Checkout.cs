namespace Grains.Shop.Contracts.Carts;

/// <param name="IdempotencyKey">When set, a repeat of the same key returns the first order and orders nothing.</param>
[GenerateSerializer, Immutable, Alias("shop.Checkout")]
public sealed record Checkout([property: Id(0)] string? IdempotencyKey = null);
