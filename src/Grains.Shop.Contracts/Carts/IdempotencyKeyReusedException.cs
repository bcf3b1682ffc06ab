namespace Grains.Shop.Contracts.Carts;

/// <summary>An idempotency key was sent again with a different request; the first request's result stands.</summary>
[GenerateSerializer, Alias("shop.IdempotencyKeyReusedException")]
public sealed class IdempotencyKeyReusedException : InvalidOperationException
{
    public IdempotencyKeyReusedException()
    {
    }

    public IdempotencyKeyReusedException(string message)
        : base(message)
    {
    }

    public IdempotencyKeyReusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
