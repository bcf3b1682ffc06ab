namespace Grains.Benchmarks;

/// <summary>
/// The incoming grain call filters of a shop silo (src/Grains.Silo) that the benchmark silo runs. A production silo
/// runs <see cref="Production"/>; the others are for measuring what each filter costs.
/// </summary>
[Flags]
internal enum SiloFilters
{
    None = 0,

    /// <summary>Wraps answers to clients in a SiloTaggedResponse (silo name and gateway).</summary>
    Tagging = 1,

    /// <summary>Translates storage failures; on the ping grain it only adds a filter step.</summary>
    Storage = 2,

    /// <summary>The fencing lease: checked before and after every call, renewed by a Redis read every 200 ms.</summary>
    Lease = 4,

    /// <summary>The activation journal: one line appended to a file per answer (used by the chaos suite only).</summary>
    Journal = 8,

    Production = Tagging | Storage | Lease,
}
