using Grains.Shop.Carts;
using Grains.Shop.Orders;

namespace Grains.Shop.Tests;

public sealed class CartOptionsValidatorTests
{
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
