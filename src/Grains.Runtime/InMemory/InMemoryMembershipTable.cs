using Grains.Runtime.Membership;

namespace Grains.Runtime.InMemory;

public sealed class InMemoryMembershipTable(InMemoryClusterStore store) : IMembershipTable
{
    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<MembershipEntry>> ReadAllAsync(CancellationToken cancellationToken)
    {
        lock (store.Gate)
        {
            return Task.FromResult<IReadOnlyList<MembershipEntry>>([.. store.Members.Values]);
        }
    }

    public Task JoinAsync(SiloAddress silo, string name, CancellationToken cancellationToken)
    {
        lock (store.Gate)
        {
            if (store.Members.TryGetValue(silo.Id, out var existing) && existing.Status == SiloStatus.Dead)
            {
                throw new InvalidOperationException($"Silo {silo} was declared dead and cannot join again.");
            }

            var now = store.Clock.GetUtcNow();
            store.Members[silo.Id] = new MembershipEntry(silo, name, SiloStatus.Active, now, now);
        }

        store.RaiseMembershipChanged();
        return Task.CompletedTask;
    }

    public Task<HeartbeatResult> HeartbeatAsync(SiloAddress silo, CancellationToken cancellationToken)
    {
        lock (store.Gate)
        {
            if (!store.Members.TryGetValue(silo.Id, out var entry) || entry.Status == SiloStatus.Dead)
            {
                return Task.FromResult(HeartbeatResult.Dead);
            }

            store.Members[silo.Id] = entry with { LastHeartbeat = store.Clock.GetUtcNow() };
            return Task.FromResult(HeartbeatResult.Alive);
        }
    }

    public Task<bool> UpdateStatusAsync(SiloAddress silo, SiloStatus status, CancellationToken cancellationToken)
    {
        lock (store.Gate)
        {
            if (!store.Members.TryGetValue(silo.Id, out var entry) || entry.Status == SiloStatus.Dead)
            {
                return Task.FromResult(false);
            }

            store.Members[silo.Id] = entry with { Status = status, LastHeartbeat = store.Clock.GetUtcNow() };
        }

        store.RaiseMembershipChanged();
        return Task.FromResult(true);
    }

    public Task<bool> TryDeclareDeadAsync(SiloAddress silo, TimeSpan? ifSilentFor, CancellationToken cancellationToken)
    {
        lock (store.Gate)
        {
            if (!store.Members.TryGetValue(silo.Id, out var entry))
            {
                return Task.FromResult(true);
            }

            if (entry.Status == SiloStatus.Dead)
            {
                return Task.FromResult(true);
            }

            var now = store.Clock.GetUtcNow();
            if (ifSilentFor is { } silence && now - entry.LastHeartbeat <= silence)
            {
                return Task.FromResult(false);
            }

            store.Members[silo.Id] = entry with { Status = SiloStatus.Dead, LastHeartbeat = now };
        }

        store.RaiseMembershipChanged();
        return Task.FromResult(true);
    }

    public Task<int> CleanupDeadAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        int removed;
        lock (store.Gate)
        {
            var cutoff = store.Clock.GetUtcNow() - olderThan;
            var stale = store.Members.Values.Where(e => e.Status == SiloStatus.Dead && e.LastHeartbeat < cutoff).ToList();
            foreach (var entry in stale)
            {
                store.Members.Remove(entry.Silo.Id);
            }

            removed = stale.Count;
        }

        return Task.FromResult(removed);
    }

    public IDisposable SubscribeToChanges(Action onChange)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        store.MembershipChanged += onChange;
        return new Subscription(() => store.MembershipChanged -= onChange);
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
