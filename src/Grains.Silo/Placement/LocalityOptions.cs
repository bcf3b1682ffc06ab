namespace Grains.Silo.Placement;

/// <summary>Bound from the configuration section <c>Locality</c>: how a silo moves users' grains to their silo.</summary>
public sealed class LocalityOptions
{
    public const string SectionName = "Locality";

    /// <summary>
    /// Whether grains move to their user's silo after the membership changes (a silo joined). Off only to measure what
    /// moving gains: the grains then stay where they were placed until they deactivate.
    /// </summary>
    public bool Rebalance { get; set; } = true;

    /// <summary>
    /// How long the membership must stay unchanged before grains move: every silo (and its view of which silos host
    /// which grain types) sees a change a little apart, and a grain moved to a silo its placement does not know yet
    /// would only be deactivated.
    /// </summary>
    public TimeSpan SettleDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// At most this many grains start moving per second, so that a join does not start an activation storm: each move
    /// registers the grain in the directory anew, one Redis script per grain.
    /// </summary>
    public int MigrationsPerSecond { get; set; } = 1000;

    /// <summary>How often the silo looks for misplaced grains while the membership does not change: a backstop.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);
}
