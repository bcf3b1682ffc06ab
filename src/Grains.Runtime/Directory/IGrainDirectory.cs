namespace Grains.Runtime.Directory;

/// <summary>
/// The arbiter of single activation. Registration is one atomic step in the store: it succeeds only when the grain
/// has no entry, or when the entry's silo is dead (or unknown) in the membership table; otherwise it returns the
/// entry that already holds the grain.
/// </summary>
public interface IGrainDirectory
{
    Task InitializeAsync(CancellationToken cancellationToken);

    Task<GrainLocation?> LookupAsync(GrainId grain, CancellationToken cancellationToken);

    /// <summary>Registers <paramref name="location"/> unless a live activation holds the grain; returns the winner.</summary>
    Task<GrainLocation> RegisterAsync(GrainLocation location, CancellationToken cancellationToken);

    /// <summary>Removes the entry only if it is still exactly <paramref name="location"/>.</summary>
    Task<bool> UnregisterAsync(GrainLocation location, CancellationToken cancellationToken);

    /// <summary>All entries (for the dashboard and consistency checks); entries of dead silos may be included.</summary>
    Task<IReadOnlyList<GrainLocation>> ListAsync(CancellationToken cancellationToken);
}
