using Grains.Runtime.Activation;

namespace Grains.Runtime.Storage;

/// <summary>The runtime's <see cref="IPersistentState{TState}"/>: every write is fenced by the activation's directory entry.</summary>
internal sealed class PersistentState<TState>(string stateName, IGrainStorage storage, ActivationData activation)
    : IPersistentState<TState>, IPersistentStateLoader
{
    public TState State { get; set; } = Activator.CreateInstance<TState>();

    public string? Etag { get; set; }

    public bool RecordExists { get; set; }

    public Task ReadStateAsync(CancellationToken cancellationToken = default) =>
        storage.ReadStateAsync(stateName, activation.GrainId, this, cancellationToken);

    public Task WriteStateAsync(CancellationToken cancellationToken = default) =>
        storage.WriteStateAsync(stateName, activation.GrainId, this, activation.Location, cancellationToken);

    public Task ClearStateAsync(CancellationToken cancellationToken = default) =>
        storage.ClearStateAsync(stateName, activation.GrainId, this, activation.Location, cancellationToken);
}
