namespace Grains.Gateway.Tests.Infrastructure;

/// <summary>One silo whose sessions may send <see cref="Burst"/> requests, then one an hour.</summary>
public sealed class RateLimitedCluster() : ShopCluster(
    siloCount: 1,
    new Dictionary<string, string?>
    {
        ["Api:RateLimit:TokenLimit"] = "3",
        ["Api:RateLimit:TokensPerPeriod"] = "1",
        ["Api:RateLimit:ReplenishmentPeriod"] = "01:00:00",
    })
{
    public const int Burst = 3;
}
