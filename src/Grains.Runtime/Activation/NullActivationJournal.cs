namespace Grains.Runtime.Activation;

/// <summary>The default: activations are not journaled (they are still published to in-process observers).</summary>
internal sealed class NullActivationJournal : IActivationJournal
{
    public Task RecordAsync(ActivationEvent activationEvent, CancellationToken cancellationToken) => Task.CompletedTask;
}
