namespace Grains.Shop.Tests;

/// <summary>A cluster whose users may check out twice within ten minutes: a window no test outlasts.</summary>
public sealed class CheckoutLimitShopCluster() : ShopCluster(
    siloCount: 1,
    new Dictionary<string, string?> { ["Cart:CheckoutLimit"] = "2", ["Cart:CheckoutLimitWindow"] = "00:10:00" });
