using System.Collections.Immutable;

namespace Grains.Silo.Tests.Fencing;

/// <summary>A membership of this silo and one active peer, which records whom it was asked to declare dead.</summary>
public sealed class OnePeerMembership(SiloAddress local, SiloAddress peer) : IClusterMembershipService
{
    private readonly List<SiloAddress> _killed = [];

    public ClusterMembershipSnapshot CurrentSnapshot { get; } = new(
        ImmutableDictionary<SiloAddress, ClusterMember>.Empty
            .Add(local, new ClusterMember(local, SiloStatus.Active, "local"))
            .Add(peer, new ClusterMember(peer, SiloStatus.Active, "peer")),
        new MembershipVersion(1));

    public IAsyncEnumerable<ClusterMembershipSnapshot> MembershipUpdates => throw new NotSupportedException();

    public IReadOnlyList<SiloAddress> Killed
    {
        get
        {
            lock (_killed)
            {
                return [.. _killed];
            }
        }
    }

    public ValueTask Refresh(MembershipVersion minimumVersion = default, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public Task<bool> TryKill(SiloAddress siloAddress)
    {
        lock (_killed)
        {
            _killed.Add(siloAddress);
        }

        return Task.FromResult(true);
    }
}
