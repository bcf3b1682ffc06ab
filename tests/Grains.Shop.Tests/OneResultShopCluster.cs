namespace Grains.Shop.Tests;

/// <summary>A cluster whose carts keep the whole first result of their newest idempotency key only.</summary>
public sealed class OneResultShopCluster() : ShopCluster(siloCount: 1, new Dictionary<string, string?> { ["Cart:IdempotencyResultLimit"] = "1" });
