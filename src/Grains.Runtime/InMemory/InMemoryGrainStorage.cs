using Grains.Runtime.Directory;
using Grains.Runtime.Serialization;
using Grains.Runtime.Storage;

namespace Grains.Runtime.InMemory;

/// <summary>Grain storage in process memory. State is kept as JSON so that no caller shares objects with the store.</summary>
public sealed class InMemoryGrainStorage(InMemoryClusterStore store, GrainSerializer serializer) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        lock (store.Gate)
        {
            if (store.States.TryGetValue(Key(stateName, grainId), out var record))
            {
                grainState.State = serializer.DeserializeFromString<T>(record.Data)!;
                grainState.Etag = record.Etag;
                grainState.RecordExists = true;
            }
            else
            {
                grainState.State = Activator.CreateInstance<T>();
                grainState.Etag = null;
                grainState.RecordExists = false;
            }
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, GrainLocation? fence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var data = serializer.SerializeToString(grainState.State);
        lock (store.Gate)
        {
            var key = Key(stateName, grainId);
            CheckFenceAndEtag(key, grainState.Etag, fence);
            var etag = Guid.NewGuid().ToString("N");
            store.States[key] = (etag, data);
            grainState.Etag = etag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, GrainLocation? fence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        lock (store.Gate)
        {
            var key = Key(stateName, grainId);
            CheckFenceAndEtag(key, grainState.Etag, fence);
            store.States.Remove(key);
            grainState.State = Activator.CreateInstance<T>();
            grainState.Etag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    private static string Key(string stateName, GrainId grainId) => $"{grainId.Type}/{stateName}/{grainId.Key}";

    private void CheckFenceAndEtag(string key, string? expectedEtag, GrainLocation? fence)
    {
        if (fence is not null
            && (!store.Directory.TryGetValue(fence.Grain, out var owner) || owner != fence || store.IsDeadOrUnknown(fence.Silo)))
        {
            throw new InconsistentStateException($"Activation {fence.ActivationId} no longer owns {fence.Grain}; the write was refused.");
        }

        var storedEtag = store.States.TryGetValue(key, out var record) ? record.Etag : null;
        if (!string.Equals(storedEtag, expectedEtag, StringComparison.Ordinal))
        {
            throw new InconsistentStateException($"Etag mismatch for {key}: stored {storedEtag ?? "<none>"}, expected {expectedEtag ?? "<none>"}.", storedEtag, expectedEtag);
        }
    }
}
