using Microsoft.Extensions.Logging;

namespace Grains.Runtime.Messaging;

internal sealed partial class ConnectionManager
{
    [LoggerMessage(1, LogLevel.Debug, "Connected to silo {Silo}.")]
    private static partial void LogConnected(ILogger logger, string silo);

    [LoggerMessage(2, LogLevel.Information, "Could not connect to silo {Silo}: {Failure}.")]
    private static partial void LogConnectFailed(ILogger logger, string silo, ConnectionFailure failure);

    [LoggerMessage(3, LogLevel.Information, "Connection to silo {Silo} closed.")]
    private static partial void LogDisconnected(ILogger logger, string silo);
}
