using Grains.Shop.Contracts.Serving;
using Microsoft.Extensions.Logging;
using Orleans.Persistence.Redis;

namespace Grains.Silo.Serving;

/// <summary>
/// Turns the Redis storage provider's failures into <see cref="StorageUnavailableException"/>, a type every caller
/// knows (the provider's own exception type lives in a package clients do not load, and its message names keys).
/// </summary>
public sealed partial class StorageFailureFilter(ILogger<StorageFailureFilter> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!ApplicationGrains.Contains(context))
        {
            await context.Invoke();
            return;
        }

        try
        {
            await context.Invoke();
        }
        catch (Exception ex) when (IsStoreFailure(ex))
        {
            LogStoreFailed(logger, context.TargetId, context.MethodName, ex);
            throw new StorageUnavailableException("The store did not confirm the grain's state; the outcome of a write is unknown.");
        }
    }

    /// <summary>
    /// A grain sees the provider's exception wrapped: Orleans' state bridge throws an <see cref="OrleansException"/>
    /// whose inner exception is the provider's (and whose message quotes it, storage keys included).
    /// </summary>
    private static bool IsStoreFailure(Exception exception) =>
        exception is RedisStorageException || exception is OrleansException { InnerException: RedisStorageException };

    [LoggerMessage(1, LogLevel.Warning, "The store failed a call of {Grain}.{Method}.")]
    private static partial void LogStoreFailed(ILogger logger, GrainId grain, string method, Exception exception);
}
