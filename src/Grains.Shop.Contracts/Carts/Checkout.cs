namespace Grains.Shop.Contracts.Carts;

/// <param name="IdempotencyKey">When set, a repeat of the same key returns the first order and orders nothing.</param>
/// <param name="ReceivedAt">When the API received the request, in Unix milliseconds (0: unknown); as for <see cref="AddCartItem"/>.</param>
[GenerateSerializer, Immutable, Alias("shop.Checkout")]
public sealed record Checkout([property: Id(0)] string? IdempotencyKey = null, [property: Id(1)] long ReceivedAt = 0);
