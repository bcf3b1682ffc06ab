namespace Grains.Shop.Contracts.Carts;

/// <summary>The limits a cart enforces. The gateway checks the shape of a request early; the grain has the last word.</summary>
public static class CartLimits
{
    /// <summary>Most units of one product that one add may ask for, and that one line may hold.</summary>
    public const int MaxQuantity = 999;

    public const int MaxLines = 100;

    /// <summary>Longest accepted Idempotency-Key.</summary>
    public const int MaxIdempotencyKeyLength = 128;

    /// <summary>An Idempotency-Key is 1-128 visible ASCII characters.</summary>
    public static bool IsValidIdempotencyKey(string? key) =>
        key is { Length: > 0 and <= MaxIdempotencyKeyLength } && key.All(c => c is > ' ' and <= '~');
}
