namespace Grains.Runtime;

/// <summary>
/// No silo could take the call. <see cref="OutcomeUnknown"/> is false when the call was certainly not executed
/// (no silo was reachable, or every silo refused it), and true when the silo that held it failed after it was
/// sent, so that the grain may have run it. Only retry an unknown outcome when the call is idempotent.
/// </summary>
public class SiloUnavailableException : Exception
{
    public SiloUnavailableException()
    {
    }

    public SiloUnavailableException(string message)
        : base(message)
    {
    }

    public SiloUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SiloUnavailableException(string message, bool outcomeUnknown)
        : base(message)
    {
        OutcomeUnknown = outcomeUnknown;
    }

    public bool OutcomeUnknown { get; }
}
