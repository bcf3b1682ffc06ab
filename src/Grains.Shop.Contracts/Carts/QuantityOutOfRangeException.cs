namespace Grains.Shop.Contracts.Carts;

/// <summary>A quantity is below 1 (0 when setting), above the per-add limit, or would take a line above its limit.</summary>
[GenerateSerializer, Alias("shop.QuantityOutOfRangeException")]
public sealed class QuantityOutOfRangeException : CartRuleException
{
    public QuantityOutOfRangeException()
    {
    }

    public QuantityOutOfRangeException(string message)
        : base(message)
    {
    }

    public QuantityOutOfRangeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
