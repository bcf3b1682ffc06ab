namespace Grains.Showdown.Locality;

/// <summary>One second of the locality run: the requests the gateway saw served in-process and not, and what happened then.</summary>
internal sealed record LocalitySample(double Second, long InProcess, long Remote, string? Event)
{
    public long Requests => InProcess + Remote;

    /// <summary>The share served with every grain call in-process; 1 for a second without requests.</summary>
    public double Share => Requests == 0 ? 1 : (double)InProcess / Requests;
}
