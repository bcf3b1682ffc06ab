namespace Grains.Showdown.Server.Store;

/// <summary>A change lost the compare-and-set to concurrent changes every time it was tried; nothing was written.</summary>
public sealed class WriteConflictException : Exception
{
    public WriteConflictException()
    {
    }

    public WriteConflictException(string message)
        : base(message)
    {
    }

    public WriteConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
