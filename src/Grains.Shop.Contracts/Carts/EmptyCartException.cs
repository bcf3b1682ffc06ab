namespace Grains.Shop.Contracts.Carts;

/// <summary>Checkout of a cart with no lines.</summary>
[GenerateSerializer, Alias("shop.EmptyCartException")]
public sealed class EmptyCartException : InvalidOperationException
{
    public EmptyCartException()
    {
    }

    public EmptyCartException(string message)
        : base(message)
    {
    }

    public EmptyCartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
