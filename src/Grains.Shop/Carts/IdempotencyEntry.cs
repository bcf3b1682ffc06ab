using System.Text.Json.Serialization;

namespace Grains.Shop.Carts;

/// <summary>
/// A remembered idempotency key, of a size that no key can change: a digest of the key (<see cref="Key"/>), a digest of
/// the request it came with (<see cref="Request"/>; a checkout has none, its <see cref="OrderId"/> says what it was), and
/// when it was first seen (<see cref="At"/>, Unix seconds). Only the newest entry of a cart keeps the cart its add
/// produced (<see cref="Lines"/> and <see cref="Version"/>); <see cref="IdempotencyWindow"/> drops them from older ones.
/// </summary>
[GenerateSerializer, Immutable, Alias("shop.IdempotencyEntry")]
public sealed record IdempotencyEntry(
    [property: Id(0)] string Key,
    [property: Id(1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Request,
    [property: Id(2)] long At,
    [property: Id(3), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OrderId = null,
    [property: Id(4), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CartLineState>? Lines = null,
    [property: Id(5), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] long Version = 0);
