namespace Grains.Gateway.Operators;

/// <summary>
/// The gateway has not connected to the cluster yet (no silo was active since it started), so a grain call was not
/// sent. Raised in the gateway only; it never crosses the wire.
/// </summary>
public sealed class ClusterNotConnectedException : Exception
{
    public ClusterNotConnectedException()
    {
    }

    public ClusterNotConnectedException(string message)
        : base(message)
    {
    }

    public ClusterNotConnectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
