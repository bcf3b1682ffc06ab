namespace Grains.Gateway.GrainCalls;

/// <summary>
/// A grain call was abandoned because a silo on its path failed while it ran (<see cref="InFlightCalls"/>): it may or
/// may not have taken effect. Raised in the gateway only; it never crosses the wire.
/// </summary>
public sealed class CallOutcomeUnknownException : Exception
{
    public CallOutcomeUnknownException()
    {
    }

    public CallOutcomeUnknownException(string message)
        : base(message)
    {
    }

    public CallOutcomeUnknownException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
