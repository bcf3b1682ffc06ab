namespace Grains.Runtime;

/// <summary>
/// A grain call did not complete within its timeout. Its outcome is unknown: the grain may or may not have run it.
/// </summary>
public class GrainCallTimeoutException : TimeoutException
{
    public GrainCallTimeoutException()
    {
    }

    public GrainCallTimeoutException(string message)
        : base(message)
    {
    }

    public GrainCallTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
