namespace Grains.Runtime.Membership;

/// <summary>
/// The cluster's membership: one row per silo incarnation. Every transition is atomic in the store, and a row
/// that reached <see cref="SiloStatus.Dead"/> never changes again, so a declared-dead silo cannot revive itself.
/// Heartbeats and staleness are measured by the table's own clock, never by the silos' clocks.
/// </summary>
public interface IMembershipTable
{
    Task InitializeAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<MembershipEntry>> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>Adds a silo as <see cref="SiloStatus.Active"/> with a fresh heartbeat.</summary>
    Task JoinAsync(SiloAddress silo, string name, CancellationToken cancellationToken);

    /// <summary>Records a heartbeat, unless the silo was declared dead or its row is gone.</summary>
    Task<HeartbeatResult> HeartbeatAsync(SiloAddress silo, CancellationToken cancellationToken);

    /// <summary>Moves a live silo to <paramref name="status"/>. Returns false when the silo is dead or unknown.</summary>
    Task<bool> UpdateStatusAsync(SiloAddress silo, SiloStatus status, CancellationToken cancellationToken);

    /// <summary>
    /// Declares <paramref name="silo"/> dead. With <paramref name="ifSilentFor"/> it succeeds only when the silo's last
    /// heartbeat is older than that by the table's clock; without it, the caller has proof (the silo's endpoint refused
    /// connections, or answered as another incarnation). Returns true when the silo is dead after the call.
    /// </summary>
    Task<bool> TryDeclareDeadAsync(SiloAddress silo, TimeSpan? ifSilentFor, CancellationToken cancellationToken);

    /// <summary>Removes rows of silos that have been dead for longer than <paramref name="olderThan"/>.</summary>
    Task<int> CleanupDeadAsync(TimeSpan olderThan, CancellationToken cancellationToken);

    /// <summary>Calls <paramref name="onChange"/> soon after any row changes. Readers must still poll: this is a hint.</summary>
    IDisposable SubscribeToChanges(Action onChange);
}
