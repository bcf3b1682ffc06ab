using System.Diagnostics.Metrics;
using Grains.Hosting.Http;

namespace Grains.Proxy.Telemetry;

/// <summary>
/// The proxy's meter, <see cref="MeterName"/>, and running totals of the same counts for the placement view: requests
/// answered, by whether the backend served them with every grain call in its own process (<c>X-Locality</c>), retries,
/// and 503s.
/// </summary>
public sealed class ProxyMetrics
{
    public const string MeterName = "Grains.Proxy";

    private readonly Counter<long> _requests;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _unavailable;
    private long _inProcess;
    private long _remote;

    public ProxyMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _requests = meter.CreateCounter<long>(
            "grains.proxy.requests", "{request}", "Requests a backend answered after calling grains, by locality: in-process when every grain call ran in the backend's own process, remote when one did not.");
        _retries = meter.CreateCounter<long>(
            "grains.proxy.retries", "{attempt}", "Requests sent again to another backend, by reason: refused (the connection was refused, so the request was not sent) or unknown (sent, no answer, and safe to repeat).");
        _unavailable = meter.CreateCounter<long>("grains.proxy.unavailable", "{response}", "Requests answered 503 because no backend answered them within the retry budget.");
    }

    /// <summary>Requests answered with every grain call in the backend's process.</summary>
    public long InProcess => Interlocked.Read(ref _inProcess);

    /// <summary>Requests answered with at least one grain call in another process.</summary>
    public long Remote => Interlocked.Read(ref _remote);

    public void Answered(string? locality)
    {
        switch (locality)
        {
            case LocalityHeader.InProcess:
                Interlocked.Increment(ref _inProcess);
                _requests.Add(1, new KeyValuePair<string, object?>("locality", LocalityHeader.InProcess));
                break;
            case LocalityHeader.Remote:
                Interlocked.Increment(ref _remote);
                _requests.Add(1, new KeyValuePair<string, object?>("locality", LocalityHeader.Remote));
                break;
        }
    }

    public void Retried(string reason) => _retries.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Unavailable() => _unavailable.Add(1);
}
