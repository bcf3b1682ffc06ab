using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Grains.Runtime.Diagnostics;

/// <summary>
/// The runtime's metrics, on the <c>Grains</c> meter: calls, their latency and errors per grain type and method,
/// and live activations per grain type. Any System.Diagnostics.Metrics listener (OpenTelemetry, dotnet-counters,
/// the dashboard) can read them.
/// </summary>
public static class GrainsInstruments
{
    public const string MeterName = "Grains";

    private static readonly Meter s_meter = new(MeterName, "1.0");
    private static readonly Counter<long> s_calls = s_meter.CreateCounter<long>("grains.calls", "{call}", "Grain calls executed by activations on this silo.");
    private static readonly Counter<long> s_errors = s_meter.CreateCounter<long>("grains.call.errors", "{call}", "Grain calls that threw.");
    private static readonly Histogram<double> s_duration = s_meter.CreateHistogram<double>("grains.call.duration", "ms", "Time to execute a grain call in its activation.");
    private static readonly UpDownCounter<long> s_activations = s_meter.CreateUpDownCounter<long>("grains.activations", "{activation}", "Live activations on this silo.");

    internal static void RecordCall(string grainType, string method, double milliseconds, bool failed)
    {
        var tags = new TagList { { "grain.type", grainType }, { "grain.method", method } };
        s_calls.Add(1, tags);
        s_duration.Record(milliseconds, tags);
        if (failed)
        {
            s_errors.Add(1, tags);
        }
    }

    internal static void RecordActivationChange(string grainType, int delta) =>
        s_activations.Add(delta, new KeyValuePair<string, object?>("grain.type", grainType));
}
