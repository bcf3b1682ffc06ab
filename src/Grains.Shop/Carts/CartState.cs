using System.Text.Json.Serialization;
using Grains.Shop.Contracts.Carts;
using Grains.Shop.Contracts.Orders;

namespace Grains.Shop.Carts;

/// <summary>
/// Everything a cart grain stores, in one record so that one write covers a change, the idempotency key of the
/// request that made it and, for a checkout, the new order.
/// </summary>
[GenerateSerializer, Immutable, Alias("shop.CartState")]
public sealed record CartState
{
    [Id(0)]
    public IReadOnlyList<CartLineState> Lines { get; init; } = [];

    /// <summary>Grows by one with every change of <see cref="Lines"/>.</summary>
    [Id(1)]
    public long Version { get; init; }

    [Id(4)]
    private readonly IReadOnlyList<IdempotencyEntry> _idempotencyKeys = [];

    /// <summary>
    /// Remembered idempotency keys, oldest first: at most <see cref="CartOptions.IdempotencyKeyLimit"/>
    /// (<see cref="IdempotencyWindow"/>). A record stored before this list existed has none, and the source-generated
    /// JSON reader then sets it to null: that reads as empty.
    /// </summary>
    public IReadOnlyList<IdempotencyEntry> IdempotencyKeys { get => _idempotencyKeys; init => _idempotencyKeys = value ?? []; }

    /// <summary>Keys as carts stored them before <see cref="IdempotencyKeys"/>; null once an activation has converted them, and then not written.</summary>
    [Id(2)]
    [JsonPropertyName("idempotencyRecords")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<LegacyIdempotencyRecord>? LegacyIdempotencyRecords { get; init; }

    /// <summary>
    /// Orders checked out but not yet acknowledged by the user's orders grain (an outbox). They are delivered again
    /// until acknowledged; the orders grain ignores an order id it already holds.
    /// </summary>
    [Id(3)]
    public IReadOnlyList<Order> PendingOrders { get; init; } = [];

    /// <summary>
    /// Unix milliseconds before which the cart may have forgotten a key it recorded: the end of the second of the newest
    /// key that left <see cref="IdempotencyKeys"/>. A keyed request received before it could be a late copy of a
    /// forgotten one, so it is refused (<see cref="StaleRequestException"/>); 0 while no key was forgotten.
    /// </summary>
    [Id(5)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long ForgottenBefore { get; init; }

    /// <summary>
    /// When the user's latest checkouts were made, in Unix milliseconds, oldest first: at most
    /// <see cref="CartOptions.CheckoutLimit"/>, those within <see cref="CartOptions.CheckoutLimitWindow"/> when the last
    /// one was made. Written with the checkout itself, so the limit holds across failovers; null (and not written)
    /// until the user's first checkout.
    /// </summary>
    [Id(6)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<long>? RecentCheckouts { get; init; }
}
