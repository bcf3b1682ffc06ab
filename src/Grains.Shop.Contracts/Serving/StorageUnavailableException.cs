namespace Grains.Shop.Contracts.Serving;

/// <summary>
/// The store did not answer a grain's read or write (Redis down, restarting or too slow). A read changed nothing; a
/// write may or may not have been applied: its outcome is unknown, so only a request that is safe to repeat may be
/// sent again. The silo logs the store's own error; this exception carries none of its text.
/// </summary>
[GenerateSerializer, Alias("grains.StorageUnavailableException")]
public sealed class StorageUnavailableException : Exception
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
