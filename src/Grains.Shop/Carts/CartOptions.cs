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

    /// <summary>
    /// The most orders a cart holds that the user's orders grain has not acknowledged yet (its outbox). While that many
    /// wait, as when the orders grain cannot be reached for long, a checkout is refused and the cart left as it is. At
    /// most <see cref="Orders.OrdersState.RecentOrderIdLimit"/>: the orders grain tells an order handed over twice by
    /// its id among that many newest.
    /// </summary>
    public int PendingOrderLimit { get; set; } = 10;
}
