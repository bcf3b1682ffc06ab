using System.Diagnostics.Metrics;
using Grains.Gateway.GrainCalls;

namespace Grains.Gateway.Telemetry;

/// <summary>The gateway's own meter, <see cref="MeterName"/>, exported with Orleans' (docs/dashboard.md lists what is where).</summary>
public sealed class GatewayMetrics
{
    public const string MeterName = "Grains.Gateway";

    private readonly Counter<long> _unavailable;
    private readonly Counter<long> _managementCalls;

    public GatewayMetrics(IMeterFactory meters, ActiveSilos silos)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(silos);
        var meter = meters.Create(MeterName);
        _unavailable = meter.CreateCounter<long>("grains.gateway.unavailable", "{response}", "Requests answered 503 because no silo could serve them within the retry budget.");
        _managementCalls = meter.CreateCounter<long>("grains.gateway.management_calls", "{call}", "Calls the operator tools made to Orleans' management grain.");
        meter.CreateObservableGauge("grains.gateway.active_silos", () => silos.Count, "{silo}", "Active silos in the membership table at the last read.");
    }

    public void Unavailable() => _unavailable.Add(1);

    public void ManagementCall() => _managementCalls.Add(1);
}
