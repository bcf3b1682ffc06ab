using Grains.Runtime.Directory;

namespace Grains.Runtime.Storage;

/// <summary>
/// Stores grain state. Writes are compare-and-set on the etag. A write that carries a fence (the writing
/// activation's directory entry) succeeds only while that entry is still the grain's registered activation and
/// its silo has not been declared dead, so a paused silo that wakes up cannot overwrite a newer owner's state.
/// </summary>
public interface IGrainStorage
{
    Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken);

    /// <exception cref="InconsistentStateException">The etag is stale or the fence no longer holds.</exception>
    Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, GrainLocation? fence, CancellationToken cancellationToken);

    /// <exception cref="InconsistentStateException">The etag is stale or the fence no longer holds.</exception>
    Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, GrainLocation? fence, CancellationToken cancellationToken);
}
