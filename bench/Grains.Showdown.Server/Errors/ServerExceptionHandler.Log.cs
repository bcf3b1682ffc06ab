namespace Grains.Showdown.Server.Errors;

public sealed partial class ServerExceptionHandler
{
    [LoggerMessage(1, LogLevel.Warning, "Request {Method} {Path} got {Status}: {Failure}.")]
    private static partial void LogFailure(ILogger logger, int status, string method, string path, string failure);
}
