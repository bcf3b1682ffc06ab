using Grains.Gateway.Tests.Infrastructure;
using Grains.Gateway.Tests.Operators;

namespace Grains.Gateway.Tests.Browser;

/// <summary>Three silo processes and a gateway process with the operator tools on, for a browser to watch while a silo is killed.</summary>
public sealed class PlacementCluster : SiloProcessCluster
{
    private GatewayProcess? _operatorGateway;

    public GatewayProcess OperatorGateway => _operatorGateway ?? throw new InvalidOperationException("The cluster has not started.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _operatorGateway = await StartGatewayProcessAsync("gateway-operator", new Dictionary<string, string> { ["Dashboard__OperatorKey"] = OperatorCluster.OperatorKey });
        await WaitUntilReadyAsync(OperatorGateway);
    }

    private static async Task WaitUntilReadyAsync(GatewayProcess gateway)
    {
        using var client = gateway.CreateClient();
        await Grains.Testing.Poll.UntilAsync(
            async () =>
            {
                using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                return ready.IsSuccessStatusCode;
            },
            StartTimeout,
            $"{gateway} to be ready");
    }
}
