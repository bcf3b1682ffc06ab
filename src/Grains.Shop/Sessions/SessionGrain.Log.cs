using Microsoft.Extensions.Logging;

namespace Grains.Shop.Sessions;

public sealed partial class SessionGrain
{
    [LoggerMessage(1, LogLevel.Information, "Session {SessionId} was revoked.")]
    private static partial void LogRevoked(ILogger logger, string sessionId);

    [LoggerMessage(2, LogLevel.Warning, "Could not record activity of session {SessionId}; it keeps working from memory.")]
    private static partial void LogActivityWriteFailed(ILogger logger, string sessionId, Exception exception);

    [LoggerMessage(3, LogLevel.Warning, "Could not delete the ended session {SessionId}; its key expires by itself.")]
    private static partial void LogDeleteFailed(ILogger logger, string sessionId, Exception exception);
}
