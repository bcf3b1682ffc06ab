using System.Diagnostics.Metrics;

namespace Grains.Hosting.Admission;

/// <summary>The meter <see cref="MeterName"/>: requests refused because the process was at its bound.</summary>
public sealed class AdmissionMetrics
{
    public const string MeterName = "Grains.Admission";

    private readonly Counter<long> _refused;
    private long _refusedTotal;

    public AdmissionMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _refused = meters.Create(MeterName).CreateCounter<long>(
            "grains.admission.refused", "{request}", "Requests answered 503 at once because the process already served Admission:MaxConcurrentRequests.");
    }

    /// <summary>Refused since the process started.</summary>
    public long RefusedTotal => Interlocked.Read(ref _refusedTotal);

    public void Refused()
    {
        Interlocked.Increment(ref _refusedTotal);
        _refused.Add(1);
    }
}
