namespace Grains.Shop.Carts;

/// <summary>Bound from the configuration section <c>Cart</c>.</summary>
public sealed class CartOptions
{
    public const string SectionName = "Cart";

    /// <summary>An idempotency key is remembered at least this long, unless <see cref="IdempotencyKeyLimit"/> newer keys push it out.</summary>
    public TimeSpan IdempotencyKeyRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The most idempotency keys remembered per user; the oldest go first.</summary>
    public int IdempotencyKeyLimit { get; set; } = 1000;

    /// <summary>
    /// How many of the newest keys keep their whole first result (the cart an add produced, the order of a checkout).
    /// Older keys keep only what identifies their request, so that every change does not rewrite a thousand carts:
    /// they are still never applied twice, and a repeated add answers with the cart as it is now, a repeated checkout
    /// with its order.
    /// </summary>
    public int IdempotencyResultLimit { get; set; } = 32;
}
