namespace Grains.Showdown.Server.Routing;

public sealed partial class Router
{
    [LoggerMessage(1, LogLevel.Warning, "Server {Route} refused a connection: the request goes to the next server, and {Route} is skipped for a second.")]
    private static partial void LogRefused(ILogger logger, string route);

    [LoggerMessage(2, LogLevel.Warning, "Server {Route} failed during a request ({Error}): answered 502.")]
    private static partial void LogFailed(ILogger logger, string route, HttpRequestError error);
}
