using Grains.Runtime;
using Microsoft.Extensions.Logging;

namespace Grains.Redis;

public sealed partial class RedisGrainDirectory
{
    private static partial class Log
    {
        [LoggerMessage(201, LogLevel.Warning, "Registration of {Grain} by silo {Silo} was refused: the silo is not a live member")]
        public static partial void RegistrationRefused(ILogger logger, GrainId grain, string silo);
    }
}
