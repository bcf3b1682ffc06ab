namespace Grains.Shop.Contracts.Sessions;

/// <summary>A session was started with an id that already names a session.</summary>
[GenerateSerializer, Alias("shop.SessionConflictException")]
public sealed class SessionConflictException : InvalidOperationException
{
    public SessionConflictException()
    {
    }

    public SessionConflictException(string message)
        : base(message)
    {
    }

    public SessionConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
