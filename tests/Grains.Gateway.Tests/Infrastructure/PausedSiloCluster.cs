namespace Grains.Gateway.Tests.Infrastructure;

/// <summary>
/// Two silo processes with the production failure detection, whose carts remember only <see cref="RememberedKeys"/>
/// idempotency keys, so that a test can make a cart forget a key with a few requests.
/// </summary>
public sealed class PausedSiloCluster() : SiloProcessCluster(
    siloCount: 2,
    WithProductionFailureDetection(new Dictionary<string, string?> { ["Cart:IdempotencyKeyLimit"] = "2" }))
{
    public const int RememberedKeys = 2;
}
