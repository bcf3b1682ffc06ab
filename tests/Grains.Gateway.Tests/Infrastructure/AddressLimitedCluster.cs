using System.Globalization;
using Grains.Testing;

namespace Grains.Gateway.Tests.Infrastructure;

/// <summary>
/// One silo that believes <c>X-Forwarded-For</c> only from 127.0.0.1, where its gateways connect from, and lets each
/// client address sign in <see cref="Burst"/> times and read products <see cref="Burst"/> times, then once an hour;
/// plus a gateway process in front of it (a real socket, so that the gateway sees each client's address).
/// </summary>
public sealed class AddressLimitedCluster() : ShopCluster(
    siloCount: 1,
    new Dictionary<string, string?>
    {
        ["Api:ClientAddress:TrustedProxies"] = "127.0.0.1",
        ["Api:SignInRateLimit:PerAddress:TokenLimit"] = Burst.ToString(CultureInfo.InvariantCulture),
        ["Api:SignInRateLimit:PerAddress:TokensPerPeriod"] = "1",
        ["Api:SignInRateLimit:PerAddress:ReplenishmentPeriod"] = "01:00:00",
        ["Api:AnonymousRateLimit:PerAddress:TokenLimit"] = Burst.ToString(CultureInfo.InvariantCulture),
        ["Api:AnonymousRateLimit:PerAddress:TokensPerPeriod"] = "1",
        ["Api:AnonymousRateLimit:PerAddress:ReplenishmentPeriod"] = "01:00:00",
    })
{
    public const int Burst = 3;

    private GatewayProcess? _gatewayProcess;

    /// <summary>A gateway executable in front of the silo.</summary>
    public GatewayProcess GatewayProcess => _gatewayProcess ?? throw new InvalidOperationException("The cluster has not started.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _gatewayProcess = await StartGatewayProcessAsync("gateway");
        using var client = _gatewayProcess.CreateClient();
        await Poll.UntilAsync(
            async () =>
            {
                using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                return ready.IsSuccessStatusCode;
            },
            StartTimeout,
            "the gateway process to be ready");
    }
}
