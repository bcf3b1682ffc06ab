namespace Grains.Shop.Contracts.Carts;

/// <summary>A cart request broke one of the cart's rules; nothing was changed. Callers map it to 400.</summary>
[GenerateSerializer, Alias("shop.CartRuleException")]
public class CartRuleException : ArgumentException
{
    public CartRuleException()
    {
    }

    public CartRuleException(string message)
        : base(message)
    {
    }

    public CartRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
