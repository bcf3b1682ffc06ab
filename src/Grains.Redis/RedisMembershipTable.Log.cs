using Microsoft.Extensions.Logging;

namespace Grains.Redis;

public sealed partial class RedisMembershipTable
{
    private static partial class Log
    {
        [LoggerMessage(101, LogLevel.Information, "Silo {Silo} ({Name}) joined the cluster")]
        public static partial void Joined(ILogger logger, string silo, string name);

        [LoggerMessage(102, LogLevel.Warning, "Silo {Silo} tried to join but was declared dead; it must restart as a new generation")]
        public static partial void JoinRefused(ILogger logger, string silo);

        [LoggerMessage(103, LogLevel.Information, "Silo {Silo} is dead in the membership table")]
        public static partial void DeclaredDead(ILogger logger, string silo);

        [LoggerMessage(105, LogLevel.Error, "A membership change handler failed")]
        public static partial void ChangeHandlerFailed(ILogger logger, Exception exception);
    }
}
