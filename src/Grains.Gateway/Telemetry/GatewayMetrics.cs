using System.Diagnostics.Metrics;
using Grains.Gateway.Routing;

namespace Grains.Gateway.Telemetry;

/// <summary>
/// The gateway's own meter, <see cref="MeterName"/>, exported with the proxy's (requests by locality, retries, 503s)
/// and Orleans' client meter (docs/dashboard.md lists what is where).
/// </summary>
public sealed class GatewayMetrics
{
    public const string MeterName = "Grains.Gateway";

    private readonly Counter<long> _managementCalls;

    public GatewayMetrics(IMeterFactory meters, SiloBackends silos)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(silos);
        var meter = meters.Create(MeterName);
        _managementCalls = meter.CreateCounter<long>("grains.gateway.management_calls", "{call}", "Calls the operator tools made to Orleans' management grain.");
        meter.CreateObservableGauge("grains.gateway.active_silos", () => silos.Routable.Count, "{silo}", "Silos taking requests at the last read: active, serving HTTP and not draining.");
    }

    public void ManagementCall() => _managementCalls.Add(1);
}
