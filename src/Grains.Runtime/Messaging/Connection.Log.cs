using Microsoft.Extensions.Logging;

namespace Grains.Runtime.Messaging;

internal sealed partial class Connection
{
    [LoggerMessage(1, LogLevel.Debug, "Connection {Description}: read loop ended ({Reason}).")]
    private static partial void LogReadEnded(ILogger logger, string description, string reason);

    [LoggerMessage(2, LogLevel.Debug, "Connection {Description}: write loop ended ({Reason}).")]
    private static partial void LogWriteEnded(ILogger logger, string description, string reason);

    [LoggerMessage(3, LogLevel.Warning, "Connection {Description}: a close callback failed.")]
    private static partial void LogCloseCallbackFailed(ILogger logger, Exception exception, string description);
}
