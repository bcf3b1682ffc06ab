namespace Grains.Shop.Carts;

/// <summary>Bound from the configuration section <c>Cart</c>.</summary>
public sealed class CartOptions
{
    public const string SectionName = "Cart";

    /// <summary>An idempotency key is remembered at least this long, unless <see cref="IdempotencyKeyLimit"/> newer keys push it out.</summary>
    public TimeSpan IdempotencyKeyRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The most idempotency keys remembered per user; the oldest go first.</summary>
    public int IdempotencyKeyLimit { get; set; } = 1000;
}
