namespace Grains.Gateway.Tests.Infrastructure;

/// <summary>One silo whose carts hold at most one order that the orders grain has not recorded yet.</summary>
public sealed class OnePendingOrderCluster() : ShopCluster(siloCount: 1, new Dictionary<string, string?> { ["Cart:PendingOrderLimit"] = "1" });
