namespace Grains.Shop.Contracts.Carts;

/// <summary>
/// The user checked out as many times as <c>Cart:CheckoutLimit</c> allows within <c>Cart:CheckoutLimitWindow</c>.
/// Nothing was changed; the cart can be checked out again after <see cref="RetryAfter"/>.
/// </summary>
[GenerateSerializer, Alias("shop.CheckoutLimitException")]
public sealed class CheckoutLimitException : InvalidOperationException
{
    public CheckoutLimitException()
    {
    }

    public CheckoutLimitException(string message)
        : base(message)
    {
    }

    public CheckoutLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CheckoutLimitException(string message, TimeSpan retryAfter)
        : base(message) => RetryAfter = retryAfter;

    /// <summary>When the oldest checkout of the window leaves it.</summary>
    [Id(0)]
    public TimeSpan RetryAfter { get; init; }
}
