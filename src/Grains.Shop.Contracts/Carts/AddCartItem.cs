namespace Grains.Shop.Contracts.Carts;

/// <param name="IdempotencyKey">When set, a repeat of the same key returns the first result and adds nothing.</param>
/// <param name="ReceivedAt">
/// When the API received the request, in Unix milliseconds (0: unknown). A keyed add received before the cart forgot
/// keys it had recorded may be a late copy of one of them, and is refused (<see cref="StaleRequestException"/>).
/// </param>
[GenerateSerializer, Immutable, Alias("shop.AddCartItem")]
public sealed record AddCartItem(
    [property: Id(0)] string Sku,
    [property: Id(1)] int Quantity,
    [property: Id(2)] string? IdempotencyKey = null,
    [property: Id(3)] long ReceivedAt = 0);
