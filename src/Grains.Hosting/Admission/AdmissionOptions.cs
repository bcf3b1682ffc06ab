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
    /// are served. By Little's law, 64 per core at the 10 to 30 µs of CPU a request costs here keeps the time a request
    /// can wait for the cores to a few milliseconds, and leaves the runtime's own work (membership probes, the lease)
    /// a short queue to wait in.
    /// </summary>
    public int MaxConcurrentRequests { get; set; } = 64 * Environment.ProcessorCount;

    /// <summary>What a refused request is told to wait, in <c>Retry-After</c>.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);
}
