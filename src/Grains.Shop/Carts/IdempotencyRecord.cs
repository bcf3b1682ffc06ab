using Grains.Shop.Contracts.Orders;

namespace Grains.Shop.Carts;

/// <summary>
/// The first result of a request that carried an idempotency key. <see cref="Request"/> describes the request, so a key
/// reused for a different request is told apart from a retry. An add keeps the cart it produced (its lines and
/// version); a checkout keeps its order. Once newer keys have pushed a record past
/// <see cref="CartOptions.IdempotencyResultLimit"/>, it is compacted: the lines and the order go, the version and the
/// order's id stay.
/// </summary>
[GenerateSerializer, Immutable, Alias("shop.IdempotencyRecord")]
public sealed record IdempotencyRecord(
    [property: Id(0)] string Key,
    [property: Id(1)] string Request,
    [property: Id(2)] DateTimeOffset RecordedAt,
    [property: Id(3)] IReadOnlyList<CartLineState>? Lines = null,
    [property: Id(4)] long Version = 0,
    [property: Id(5)] Order? Order = null,
    [property: Id(6)] string? OrderId = null)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsCompacted => Lines is null && Order is null;

    public IdempotencyRecord Compacted() => this with { Lines = null, Order = null, OrderId = Order?.OrderId ?? OrderId };
}
