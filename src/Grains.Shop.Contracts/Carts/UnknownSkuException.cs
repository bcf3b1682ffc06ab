namespace Grains.Shop.Contracts.Carts;

/// <summary>The SKU names no product in the catalog.</summary>
[GenerateSerializer, Alias("shop.UnknownSkuException")]
public sealed class UnknownSkuException : CartRuleException
{
    public UnknownSkuException()
    {
    }

    public UnknownSkuException(string message)
        : base(message)
    {
    }

    public UnknownSkuException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
