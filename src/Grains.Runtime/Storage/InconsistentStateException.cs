namespace Grains.Runtime;

/// <summary>
/// A storage write was refused because the stored etag differs from the grain's, or because the activation no
/// longer owns the grain (its silo was declared dead, or the directory points elsewhere). The in-memory state is
/// stale; the runtime deactivates the activation after the call, and the next call reads fresh state.
/// </summary>
public class InconsistentStateException : Exception
{
    public InconsistentStateException()
    {
    }

    public InconsistentStateException(string message)
        : base(message)
    {
    }

    public InconsistentStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InconsistentStateException(string message, string? storedEtag, string? currentEtag)
        : base(message)
    {
        StoredEtag = storedEtag;
        CurrentEtag = currentEtag;
    }

    public string? StoredEtag { get; }

    public string? CurrentEtag { get; }
}
