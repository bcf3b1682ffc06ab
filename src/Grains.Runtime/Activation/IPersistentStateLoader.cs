namespace Grains.Runtime.Activation;

/// <summary>A persistent state that the runtime reads before the grain activates.</summary>
internal interface IPersistentStateLoader
{
    Task ReadStateAsync(CancellationToken cancellationToken);
}
