namespace Grains.Runtime;

/// <summary>
/// The grain storage could not be reached (the store is down, restarting or too slow). A read failed; a write may or
/// may not have been applied, so its outcome is unknown. The activation keeps its previous state: if the write did
/// apply, the next write meets a newer etag and the activation reloads. The condition is temporary; callers may retry
/// when retrying is safe. The provider's own exception is the inner exception.
/// </summary>
public class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
