namespace Grains.Shop.Tests;

/// <summary>Sessions that expire after two idle seconds and write every request's activity: their keys expire in Redis after two seconds.</summary>
public sealed class ShortSessionShopCluster() : ShopCluster(
    siloCount: 1,
    new Dictionary<string, string?> { ["Sessions:IdleTimeout"] = "00:00:02", ["Sessions:LastSeenWriteInterval"] = "00:00:00" });
