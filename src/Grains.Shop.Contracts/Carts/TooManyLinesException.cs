namespace Grains.Shop.Contracts.Carts;

/// <summary>The cart already holds the maximum number of lines.</summary>
[GenerateSerializer, Alias("shop.TooManyLinesException")]
public sealed class TooManyLinesException : CartRuleException
{
    public TooManyLinesException()
    {
    }

    public TooManyLinesException(string message)
        : base(message)
    {
    }

    public TooManyLinesException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
