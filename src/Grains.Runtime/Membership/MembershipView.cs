namespace Grains.Runtime.Membership;

/// <summary>This process's latest reading of the membership table. Readers get an immutable snapshot.</summary>
internal sealed class MembershipView
{
    private volatile Snapshot _snapshot = new([], [], new Dictionary<string, MembershipEntry>(StringComparer.Ordinal));

    /// <summary>Raised after an update that changed some silo's status; carries the silos that are newly dead.</summary>
    public event Action<IReadOnlyList<SiloAddress>>? Changed;

    public IReadOnlyList<MembershipEntry> Members => _snapshot.Members;

    /// <summary>Silos that take new activations.</summary>
    public IReadOnlyList<SiloAddress> ActiveSilos => _snapshot.Active;

    public MembershipEntry? Find(string siloId) => _snapshot.ById.GetValueOrDefault(siloId);

    public bool IsActive(SiloAddress silo) => Find(silo.Id)?.Status == SiloStatus.Active;

    /// <summary>True when the silo is known to be dead. A silo absent from the view is not assumed dead.</summary>
    public bool IsDead(SiloAddress silo) => Find(silo.Id)?.Status == SiloStatus.Dead;

    /// <summary>True when a call may be sent to the silo: it is active or still finishing its work before leaving.</summary>
    public bool IsReachable(SiloAddress silo) => Find(silo.Id)?.Status is SiloStatus.Active or SiloStatus.ShuttingDown;

    public void Update(IReadOnlyList<MembershipEntry> members)
    {
        var previous = _snapshot;
        var byId = members.ToDictionary(m => m.Silo.Id, StringComparer.Ordinal);
        var active = members.Where(m => m.Status == SiloStatus.Active).Select(m => m.Silo).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        _snapshot = new Snapshot(members, active, byId);

        var changed = previous.ById.Count != byId.Count
            || byId.Values.Any(m => !previous.ById.TryGetValue(m.Silo.Id, out var old) || old.Status != m.Status);
        if (!changed)
        {
            return;
        }

        var newlyDead = members
            .Where(m => m.Status == SiloStatus.Dead && (!previous.ById.TryGetValue(m.Silo.Id, out var old) || old.Status != SiloStatus.Dead))
            .Select(m => m.Silo)
            .ToList();
        Changed?.Invoke(newlyDead);
    }

    private sealed record Snapshot(IReadOnlyList<MembershipEntry> Members, IReadOnlyList<SiloAddress> Active, Dictionary<string, MembershipEntry> ById);
}
