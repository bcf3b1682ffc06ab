namespace Grains.Runtime.Messaging;

/// <summary>A connection to a silo could not be made, or broke with calls in flight.</summary>
internal sealed class ConnectionFailedException : Exception
{
    public ConnectionFailedException()
    {
    }

    public ConnectionFailedException(string message)
        : base(message)
    {
    }

    public ConnectionFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConnectionFailedException(string message, ConnectionFailure failure, bool delivered, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        Delivered = delivered;
    }

    public ConnectionFailure Failure { get; }

    /// <summary>True when the message had been written to the connection, so the silo may have run it.</summary>
    public bool Delivered { get; }
}
