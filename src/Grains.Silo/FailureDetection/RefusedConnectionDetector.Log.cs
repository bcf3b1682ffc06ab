using Microsoft.Extensions.Logging;

namespace Grains.Silo.FailureDetection;

public sealed partial class RefusedConnectionDetector
{
    [LoggerMessage(1, LogLevel.Warning, "Silo {Peer} refuses connections: its process is gone. Declared it dead (first to do so: {Declared}).")]
    private static partial void LogDeclaredDead(ILogger logger, SiloAddress peer, bool declared);

    [LoggerMessage(2, LogLevel.Warning, "Stopped watching silo {Peer}; Orleans' probes still watch it.")]
    private static partial void LogWatchFailed(ILogger logger, SiloAddress peer, Exception exception);
}
