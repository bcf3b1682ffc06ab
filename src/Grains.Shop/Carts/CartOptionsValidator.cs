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

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
