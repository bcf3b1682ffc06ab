using Grains.Gateway.Tests.Infrastructure;

namespace Grains.Gateway.Tests.Operators;

/// <summary>
/// A <see cref="ShopCluster"/> with three gateway processes: <see cref="Guarded"/>, given the operator key,
/// <see cref="Closed"/>, without one, and <see cref="PlacementOnly"/>, with the key but without the Orleans dashboard.
/// </summary>
public sealed class OperatorCluster : ShopCluster
{
    public const string OperatorKey = "operator-key-0123456789-abcdef";

    private GatewayProcess? _guarded;
    private GatewayProcess? _closed;
    private GatewayProcess? _placementOnly;

    /// <summary>
    /// How long the silos feed the dashboard's counters and profiles and sample their statistics (every second here)
    /// after the last sign of a watching operator: short, so that a test sees them stop.
    /// </summary>
    public static readonly TimeSpan CountersIdleTimeout = TimeSpan.FromSeconds(5);

    public OperatorCluster()
        : base(siloCount: 2, siloSettings: new Dictionary<string, string?>
        {
            ["Dashboard:CountersIdleTimeout"] = CountersIdleTimeout.ToString(),
            ["Dashboard:CounterUpdateInterval"] = "00:00:01",
        })
    {
    }

    public GatewayProcess Guarded => _guarded ?? throw new InvalidOperationException("The cluster has not started.");

    public GatewayProcess Closed => _closed ?? throw new InvalidOperationException("The cluster has not started.");

    public GatewayProcess PlacementOnly => _placementOnly ?? throw new InvalidOperationException("The cluster has not started.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _guarded = await StartGatewayProcessAsync("gateway-operator", new Dictionary<string, string> { ["Dashboard__OperatorKey"] = OperatorKey });
        _closed = await StartGatewayProcessAsync("gateway-closed");
        _placementOnly = await StartGatewayProcessAsync(
            "gateway-placement-only",
            new Dictionary<string, string> { ["Dashboard__OperatorKey"] = OperatorKey, ["Dashboard__OrleansDashboard"] = "false" });
    }
}
