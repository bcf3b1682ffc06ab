namespace Grains.Shop.Tests;

/// <summary>A cluster whose carts remember only their two newest idempotency keys.</summary>
public sealed class TwoKeyShopCluster() : ShopCluster(siloCount: 1, new Dictionary<string, string?> { ["Cart:IdempotencyKeyLimit"] = "2" });
