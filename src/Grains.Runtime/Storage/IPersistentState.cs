namespace Grains.Runtime;

/// <summary>
/// A grain's persistent state, injected into the grain's constructor with <see cref="PersistentStateAttribute"/>.
/// It is read before the grain activates. Writes are optimistic: a stale <see cref="Etag"/> makes
/// <see cref="WriteStateAsync"/> throw <see cref="InconsistentStateException"/>, and the activation is deactivated.
/// </summary>
public interface IPersistentState<TState> : IGrainState<TState>
{
    Task ReadStateAsync(CancellationToken cancellationToken = default);

    Task WriteStateAsync(CancellationToken cancellationToken = default);

    Task ClearStateAsync(CancellationToken cancellationToken = default);
}
