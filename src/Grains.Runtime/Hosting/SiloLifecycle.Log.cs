using Microsoft.Extensions.Logging;

namespace Grains.Runtime.Hosting;

internal sealed partial class SiloLifecycle
{
    [LoggerMessage(1, LogLevel.Information, "Silo {Silo} ({Name}) is serving.")]
    private static partial void LogStarted(ILogger logger, string silo, string name);

    [LoggerMessage(2, LogLevel.Information, "Silo {Name} is shutting down: handing off its grains.")]
    private static partial void LogStopping(ILogger logger, string name);

    [LoggerMessage(3, LogLevel.Information, "Silo {Name} left the cluster.")]
    private static partial void LogLeft(ILogger logger, string name);

    [LoggerMessage(4, LogLevel.Error, "Graceful shutdown failed; the rest is left to failure detection.")]
    private static partial void LogStopFailed(ILogger logger, Exception exception);

    [LoggerMessage(5, LogLevel.Debug, "Collected {Count} idle activations.")]
    private static partial void LogCollected(ILogger logger, int count);
}
