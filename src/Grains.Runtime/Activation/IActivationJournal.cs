namespace Grains.Runtime.Activation;

/// <summary>
/// A durable record of activations, for checking single activation across processes (the chaos checker reads it).
/// An activation is recorded before it serves its first call and again before it unregisters, so on one clock the
/// recorded interval always covers the time it served. A crashed silo records no end: its activations end, at the
/// latest, when the silo was declared dead. A journal refuses a start from a silo already declared dead
/// (<see cref="InconsistentStateException"/>), and the activation then fails as if its registration had.
/// </summary>
public interface IActivationJournal
{
    Task RecordAsync(ActivationEvent activationEvent, CancellationToken cancellationToken);
}
