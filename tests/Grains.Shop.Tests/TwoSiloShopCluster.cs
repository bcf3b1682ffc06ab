namespace Grains.Shop.Tests;

/// <summary>
/// Two silos, so that a grain has somewhere to go when its silo stops. Sessions write their activity only every
/// 20 minutes, so within a test a touch lives in the activation's memory alone.
/// </summary>
public sealed class TwoSiloShopCluster() : ShopCluster(siloCount: 2, new Dictionary<string, string?> { ["Sessions:LastSeenWriteInterval"] = "00:20:00" });
