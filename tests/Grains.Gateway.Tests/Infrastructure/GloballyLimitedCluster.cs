using System.Globalization;

namespace Grains.Gateway.Tests.Infrastructure;

/// <summary>
/// One silo that lets <see cref="Burst"/> sign-ins through in all, then one an hour, whatever addresses they come from
/// (each address alone may sign in as often as it likes).
/// </summary>
public sealed class GloballyLimitedCluster() : ShopCluster(
    siloCount: 1,
    new Dictionary<string, string?>
    {
        ["Api:ClientAddress:TrustedProxies"] = "127.0.0.1",
        ["Api:SignInRateLimit:Global:TokenLimit"] = Burst.ToString(CultureInfo.InvariantCulture),
        ["Api:SignInRateLimit:Global:TokensPerPeriod"] = "1",
        ["Api:SignInRateLimit:Global:ReplenishmentPeriod"] = "01:00:00",
    })
{
    public const int Burst = 3;
}
