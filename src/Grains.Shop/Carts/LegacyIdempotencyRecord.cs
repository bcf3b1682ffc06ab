using Grains.Shop.Contracts.Orders;

namespace Grains.Shop.Carts;

/// <summary>
/// An idempotency key as carts stored it before <see cref="IdempotencyEntry"/>: the key itself, a description of the
/// request and its first result. Only read, from carts stored that way (and sent by silos that still write it): an
/// activation turns these into entries, and the cart's next write leaves them out. The result's lines are not read.
/// </summary>
[GenerateSerializer, Immutable, Alias("shop.IdempotencyRecord")]
public sealed record LegacyIdempotencyRecord(
    [property: Id(0)] string Key,
    [property: Id(1)] string Request,
    [property: Id(2)] DateTimeOffset RecordedAt,
    [property: Id(5)] Order? Order = null,
    [property: Id(6)] string? OrderId = null);
