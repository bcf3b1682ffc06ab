namespace Grains.Shop.Contracts.Carts;

/// <summary>
/// A checkout was refused because the cart already holds as many orders as it may that the user's orders grain has not
/// acknowledged yet (<c>Cart:PendingOrderLimit</c>). Nothing was changed; the checkout can be sent again later.
/// </summary>
[GenerateSerializer, Alias("shop.PendingOrdersFullException")]
public sealed class PendingOrdersFullException : InvalidOperationException
{
    public PendingOrdersFullException()
    {
    }

    public PendingOrdersFullException(string message)
        : base(message)
    {
    }

    public PendingOrdersFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
