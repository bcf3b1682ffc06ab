namespace Grains.Gateway.Tests.Infrastructure;

/// <summary>
/// One silo whose carts hold at most one order that the orders grain has not recorded yet, and whose users may check
/// out twice within ten minutes (a window no test outlasts). One cluster for both limits' tests, as each starts processes.
/// </summary>
public sealed class CheckoutLimitsCluster() : ShopCluster(
    siloCount: 1,
    new Dictionary<string, string?>
    {
        ["Cart:PendingOrderLimit"] = "1",
        ["Cart:CheckoutLimit"] = "2",
        ["Cart:CheckoutLimitWindow"] = "00:10:00",
    });
