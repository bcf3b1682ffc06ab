namespace Grains.Shop.Contracts.Carts;

/// <summary>
/// A keyed add or checkout was refused because it was received before the cart forgot some of the keys it had
/// recorded: it may be a late copy of one of those requests (a message that waited in a stopped silo, or a retry that
/// overtook it), which the cart could no longer recognise. Nothing was changed by this call; whether an earlier copy
/// took effect is unknown to it.
/// </summary>
[GenerateSerializer, Alias("shop.StaleRequestException")]
public sealed class StaleRequestException : InvalidOperationException
{
    public StaleRequestException()
    {
    }

    public StaleRequestException(string message)
        : base(message)
    {
    }

    public StaleRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
