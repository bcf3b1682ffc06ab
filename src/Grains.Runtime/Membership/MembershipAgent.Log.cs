using Microsoft.Extensions.Logging;

namespace Grains.Runtime.Membership;

internal sealed partial class MembershipAgent
{
    [LoggerMessage(1, LogLevel.Information, "Silo {Silo} ({Name}) joined the cluster.")]
    private static partial void LogJoined(ILogger logger, string silo, string name);

    [LoggerMessage(2, LogLevel.Warning, "Heartbeat failed; the silo keeps serving only while its lease lasts.")]
    private static partial void LogHeartbeatFailed(ILogger logger, Exception exception);

    [LoggerMessage(3, LogLevel.Critical, "Silo {Silo} was declared dead by the cluster; it stops serving now.")]
    private static partial void LogDeclaredDead(ILogger logger, string silo);

    [LoggerMessage(4, LogLevel.Warning, "Declared silo {Silo} dead: {Reason}.")]
    private static partial void LogDeclaredPeerDead(ILogger logger, string silo, string reason);

    [LoggerMessage(5, LogLevel.Warning, "A probe round failed.")]
    private static partial void LogProbeRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(6, LogLevel.Information, "Removed {Count} rows of long-dead silos from the membership table.")]
    private static partial void LogCleanedUp(ILogger logger, int count);
}
