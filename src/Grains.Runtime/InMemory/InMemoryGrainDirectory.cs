using Grains.Runtime.Directory;

namespace Grains.Runtime.InMemory;

public sealed class InMemoryGrainDirectory(InMemoryClusterStore store) : IGrainDirectory
{
    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<GrainLocation?> LookupAsync(GrainId grain, CancellationToken cancellationToken)
    {
        lock (store.Gate)
        {
            return Task.FromResult(store.Directory.GetValueOrDefault(grain));
        }
    }

    public Task<GrainLocation> RegisterAsync(GrainLocation location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        lock (store.Gate)
        {
            if (store.Directory.TryGetValue(location.Grain, out var existing) && !store.IsDeadOrUnknown(existing.Silo))
            {
                return Task.FromResult(existing);
            }

            if (store.IsDeadOrUnknown(location.Silo))
            {
                throw new InvalidOperationException($"Silo {location.Silo} is not a live member and cannot register grains.");
            }

            store.Directory[location.Grain] = location;
            return Task.FromResult(location);
        }
    }

    public Task<bool> UnregisterAsync(GrainLocation location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        lock (store.Gate)
        {
            if (store.Directory.TryGetValue(location.Grain, out var existing) && existing == location)
            {
                store.Directory.Remove(location.Grain);
                return Task.FromResult(true);
            }

            return Task.FromResult(false);
        }
    }

    public Task<IReadOnlyList<GrainLocation>> ListAsync(CancellationToken cancellationToken)
    {
        lock (store.Gate)
        {
            return Task.FromResult<IReadOnlyList<GrainLocation>>([.. store.Directory.Values]);
        }
    }
}
