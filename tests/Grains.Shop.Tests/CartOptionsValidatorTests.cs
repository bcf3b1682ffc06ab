using Grains.Shop.Carts;
using Grains.Shop.Orders;

namespace Grains.Shop.Tests;

public sealed class CartOptionsValidatorTests
{
    private static bool Accepts(CartOptions options) => new CartOptionsValidator().Validate(null, options).Succeeded;

    [Fact]
    public void The_defaults_are_accepted()
    {
        Assert.True(Accepts(new CartOptions()));
        Assert.Equal(CartOptions.MaxIdempotencyKeyLimit, new CartOptions().IdempotencyKeyLimit);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(CartOptions.MaxIdempotencyKeyLimit, true)]
    [InlineData(0, false)]
    [InlineData(CartOptions.MaxIdempotencyKeyLimit + 1, false)]
    [InlineData(1000, false)]
    public void More_keys_than_a_keyed_add_can_write_within_its_budget_are_refused(int limit, bool accepted) =>
        Assert.Equal(accepted, Accepts(new CartOptions { IdempotencyKeyLimit = limit }));

    [Theory]
    [InlineData(1, true)]
    [InlineData(CartOptions.MaxCheckoutLimit, true)]
    [InlineData(0, false)]
    [InlineData(CartOptions.MaxCheckoutLimit + 1, false)]
    public void A_checkout_limit_outside_1_to_the_most_a_cart_record_keeps_is_refused(int limit, bool accepted) =>
        Assert.Equal(accepted, Accepts(new CartOptions { CheckoutLimit = limit }));

    [Fact]
    public void A_checkout_limit_window_must_be_positive() =>
        Assert.False(Accepts(new CartOptions { CheckoutLimitWindow = TimeSpan.Zero }));

    [Fact]
    public void A_retention_must_be_positive() =>
        Assert.False(Accepts(new CartOptions { IdempotencyKeyRetention = TimeSpan.Zero }));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(OrdersState.RecentOrderIdLimit + 1)]
    public void A_pending_order_limit_outside_1_to_the_orders_grains_memory_of_ids_is_refused(int limit)
    {
        var result = new CartOptionsValidator().Validate(null, new CartOptions { PendingOrderLimit = limit });

        Assert.True(result.Failed);
        Assert.Contains("Cart:PendingOrderLimit", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(OrdersState.RecentOrderIdLimit)]
    public void A_pending_order_limit_within_it_is_accepted(int limit) =>
        Assert.True(new CartOptionsValidator().Validate(null, new CartOptions { PendingOrderLimit = limit }).Succeeded);
}
