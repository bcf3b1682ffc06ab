using System.Diagnostics.Metrics;
using Grains.Shop.Api.GrainCalls;

namespace Grains.Shop.Api.Telemetry;

/// <summary>The API's own meter, <see cref="MeterName"/>, exported with Orleans' (docs/dashboard.md lists what is where).</summary>
public sealed class ApiMetrics
{
    public const string MeterName = "Grains.Api";

    private readonly Counter<long> _requests;
    private readonly Counter<long> _unavailable;

    public ApiMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _requests = meter.CreateCounter<long>(
            "grains.api.requests", "{request}", "Requests that called grains and were answered, by locality: in-process when every grain call ran in this process, remote when one did not.");
        _unavailable = meter.CreateCounter<long>("grains.api.unavailable", "{response}", "Requests answered 503 because no silo could serve them within the retry budget.");
    }

    public void Served(Locality locality)
    {
        if (locality.ToHeaderValue() is { } value)
        {
            _requests.Add(1, new KeyValuePair<string, object?>("locality", value));
        }
    }

    public void Unavailable() => _unavailable.Add(1);
}
