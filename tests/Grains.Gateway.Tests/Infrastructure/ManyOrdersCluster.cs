namespace Grains.Gateway.Tests.Infrastructure;

/// <summary>One silo whose users may check out up to 100 times a minute: enough to fill several pages of orders in a test.</summary>
public sealed class ManyOrdersCluster() : ShopCluster(siloCount: 1, new Dictionary<string, string?> { ["Cart:CheckoutLimit"] = "100" });
