using Grains.Shop.Orders;
using Microsoft.Extensions.Options;

namespace Grains.Shop.Carts;

public sealed class CartOptionsValidator : IValidateOptions<CartOptions>
{
    public ValidateOptionsResult Validate(string? name, CartOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.IdempotencyKeyRetention <= TimeSpan.Zero)
        {
            failures.Add("Cart:IdempotencyKeyRetention must be positive.");
        }

        if (options.IdempotencyKeyLimit is < 1 or > CartOptions.MaxIdempotencyKeyLimit)
        {
            failures.Add($"Cart:IdempotencyKeyLimit must be between 1 and {CartOptions.MaxIdempotencyKeyLimit}.");
        }

        if (options.LateCopyAge < TimeSpan.Zero || options.LateCopyAge > TimeSpan.FromMinutes(1))
        {
            failures.Add("Cart:LateCopyAge must be between 0 and 00:01:00.");
        }

        if (options.PendingOrderLimit is < 1 or > OrdersState.RecentOrderIdLimit)
        {
            failures.Add($"Cart:PendingOrderLimit must be between 1 and {OrdersState.RecentOrderIdLimit}.");
        }

        if (options.CheckoutLimit is < 1 or > CartOptions.MaxCheckoutLimit)
        {
            failures.Add($"Cart:CheckoutLimit must be between 1 and {CartOptions.MaxCheckoutLimit}.");
        }

        if (options.CheckoutLimitWindow <= TimeSpan.Zero || options.CheckoutLimitWindow > TimeSpan.FromDays(1))
        {
            failures.Add("Cart:CheckoutLimitWindow must be positive and at most 1.00:00:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
