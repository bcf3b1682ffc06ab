namespace Grains.Shop.Contracts.Carts;

/// <param name="IdempotencyKey">When set, a repeat of the same key returns the first result and adds nothing.</param>
[GenerateSerializer, Immutable, Alias("shop.AddCartItem")]
public sealed record AddCartItem(
    [property: Id(0)] string Sku,
    [property: Id(1)] int Quantity,
    [property: Id(2)] string? IdempotencyKey = null);
