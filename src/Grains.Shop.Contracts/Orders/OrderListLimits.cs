namespace Grains.Shop.Contracts.Orders;

/// <summary>How many orders one listing returns: the API checks a request's limit early; the grains have the last word.</summary>
public static class OrderListLimits
{
    public const int DefaultLimit = 20;

    public const int MaxLimit = 100;

    public static bool IsValidLimit(int limit) => limit is >= 1 and <= MaxLimit;
}
