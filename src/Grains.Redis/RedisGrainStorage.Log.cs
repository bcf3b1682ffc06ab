using Grains.Runtime;
using Microsoft.Extensions.Logging;

namespace Grains.Redis;

public sealed partial class RedisGrainStorage
{
    private static partial class Log
    {
        [LoggerMessage(301, LogLevel.Information, "Write of {Grain} state {StateName} refused: activation {ActivationId} no longer owns the grain")]
        public static partial void FenceLost(ILogger logger, GrainId grain, string stateName, string activationId);

        [LoggerMessage(302, LogLevel.Debug, "Write of {Grain} state {StateName} refused: the etag is stale")]
        public static partial void EtagMismatch(ILogger logger, GrainId grain, string stateName);
    }
}
