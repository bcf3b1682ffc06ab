using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Grains.Redis;

public sealed partial class RedisConnection
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Connecting to Redis at {Endpoints}")]
        public static partial void Connecting(ILogger logger, string endpoints);

        [LoggerMessage(2, LogLevel.Information, "Connected to Redis at {Endpoints}")]
        public static partial void Connected(ILogger logger, string endpoints);

        [LoggerMessage(3, LogLevel.Warning, "Redis at {Endpoints} is not reachable yet; the client keeps trying in the background")]
        public static partial void NotReachableYet(ILogger logger, string endpoints);

        [LoggerMessage(4, LogLevel.Information, "Using the Redis multiplexer handed in by the application")]
        public static partial void UsingExternalMultiplexer(ILogger logger);

        [LoggerMessage(5, LogLevel.Warning, "Redis connection to {Endpoint} ({ConnectionType}) failed: {FailureType}")]
        public static partial void ConnectionFailed(ILogger logger, string endpoint, ConnectionType connectionType, ConnectionFailureType failureType);

        [LoggerMessage(6, LogLevel.Information, "Redis connection to {Endpoint} ({ConnectionType}) restored")]
        public static partial void ConnectionRestored(ILogger logger, string endpoint, ConnectionType connectionType);

        [LoggerMessage(7, LogLevel.Warning, "The server is Garnet {Version}: it must run with --lua --lua-transaction-mode, or the cluster's compare-and-set scripts are not atomic")]
        public static partial void GarnetNeedsTransactionMode(ILogger logger, string version);

        [LoggerMessage(8, LogLevel.Warning, "The Redis client for {Endpoints} has answered no ping for {SilentForMs:0} ms; connecting a fresh one")]
        public static partial void Unresponsive(ILogger logger, string endpoints, double silentForMs);

        [LoggerMessage(9, LogLevel.Warning, "Replaced the unresponsive Redis client for {Endpoints}; {Subscriptions} subscriptions moved to the new one")]
        public static partial void Replaced(ILogger logger, string endpoints, int subscriptions);

        [LoggerMessage(10, LogLevel.Information, "No fresh Redis client for {Endpoints} yet ({Reason}); the old one keeps trying to reconnect")]
        public static partial void ReplacementFailed(ILogger logger, string endpoints, string reason);

        [LoggerMessage(11, LogLevel.Warning, "Could not subscribe to a Redis channel; the client subscribes again when it reconnects")]
        public static partial void SubscribeFailed(ILogger logger, Exception exception);
    }
}
