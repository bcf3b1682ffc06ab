using Grains.Runtime.Directory;
using Grains.Runtime.Membership;

namespace Grains.Runtime.InMemory;

/// <summary>
/// The data behind the in-memory membership table, directory and storage. One lock guards all of it, which gives
/// the same atomicity the Redis providers get from Lua scripts. Share one instance among silos hosted in one process.
/// </summary>
public sealed class InMemoryClusterStore(TimeProvider timeProvider)
{
    public InMemoryClusterStore()
        : this(TimeProvider.System)
    {
    }

    internal object Gate { get; } = new();

    internal TimeProvider Clock { get; } = timeProvider;

    internal Dictionary<string, MembershipEntry> Members { get; } = new(StringComparer.Ordinal);

    internal Dictionary<GrainId, GrainLocation> Directory { get; } = [];

    internal Dictionary<string, (string Etag, string Data)> States { get; } = new(StringComparer.Ordinal);

    internal event Action? MembershipChanged;

    internal void RaiseMembershipChanged() => MembershipChanged?.Invoke();

    /// <summary>True when the silo has no row or is dead. Call under <see cref="Gate"/>.</summary>
    internal bool IsDeadOrUnknown(SiloAddress silo) =>
        !Members.TryGetValue(silo.Id, out var entry) || entry.Status == SiloStatus.Dead;
}
