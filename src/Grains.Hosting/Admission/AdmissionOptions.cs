namespace Grains.Hosting.Admission;

/// <summary>Bound from the configuration section <c>Admission</c>: how much work a process takes on at once.</summary>
public sealed class AdmissionOptions
{
    public const string SectionName = "Admission";

    /// <summary>Off only for the overload benchmark's comparison run: then nothing bounds the work a process accepts.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The most requests a process serves at once; the next is answered 503 at once, never queued. A bound on
    /// concurrency rather than on rate adapts by itself to how fast the machine is: requests leave as fast as they
    /// are served. Most requests in flight wait, not compute: for a Redis write, or for their turn at a grain that
    /// takes one call at a time. 256 per core lets a burst such as 200 concurrent adds to one cart through, and still
    /// keeps the thread pool's queue short enough for the runtime's own work (membership probes, the lease).
    /// </summary>
    public int MaxConcurrentRequests { get; set; } = 256 * Environment.ProcessorCount;

    /// <summary>What a refused request is told to wait, in <c>Retry-After</c>.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);
}
