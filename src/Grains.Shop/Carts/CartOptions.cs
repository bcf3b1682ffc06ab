namespace Grains.Shop.Carts;

/// <summary>Bound from the configuration section <c>Cart</c>.</summary>
public sealed class CartOptions
{
    public const string SectionName = "Cart";

    /// <summary>The largest <see cref="CheckoutLimit"/>: the cart's record keeps the time of each checkout in the window.</summary>
    public const int MaxCheckoutLimit = 100;

    /// <summary>The largest <see cref="IdempotencyKeyLimit"/>: with more, a keyed add to a cart of a few lines could write more than 4 KB.</summary>
    public const int MaxIdempotencyKeyLimit = 32;

    /// <summary>An idempotency key is remembered this long, unless <see cref="IdempotencyKeyLimit"/> newer keys push it out first.</summary>
    public TimeSpan IdempotencyKeyRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The most idempotency keys remembered per user; the oldest go first. The cart's record holds them and is written
    /// whole on every change, so this bounds what a change writes (about 70 bytes a key, 95 for a checkout's).
    /// </summary>
    public int IdempotencyKeyLimit { get; set; } = MaxIdempotencyKeyLimit;

    /// <summary>
    /// How old a keyed request must be when it reaches the cart to be taken for a possible late copy, once the cart has
    /// forgotten keys recorded after the API received it (<see cref="CartState.ForgottenBefore"/>, which keeps whole
    /// seconds). Late copies wait seconds in a stopped silo; a request that is merely in flight takes milliseconds.
    /// </summary>
    public TimeSpan LateCopyAge { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The most orders a cart holds that the user's orders grain has not acknowledged yet (its outbox). While that many
    /// wait, as when the orders grain cannot be reached for long, a checkout is refused and the cart left as it is. At
    /// most <see cref="Orders.OrdersState.RecentOrderIdLimit"/>: the orders grain tells an order handed over twice by
    /// its id among that many newest.
    /// </summary>
    public int PendingOrderLimit { get; set; } = 10;

    /// <summary>
    /// The most checkouts one user may make within <see cref="CheckoutLimitWindow"/>; one more is refused (429) and
    /// changes nothing. Every order is kept, so this, times the users the sign-in limits let in, bounds how fast a
    /// client can grow the store (docs/benchmarks.md, "soak"). A shop takes a few orders a minute from one user.
    /// </summary>
    public int CheckoutLimit { get; set; } = 10;

    public TimeSpan CheckoutLimitWindow { get; set; } = TimeSpan.FromMinutes(1);
}
