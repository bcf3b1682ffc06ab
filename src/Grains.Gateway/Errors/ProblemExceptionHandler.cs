using System.Globalization;
using Grains.Gateway.GrainCalls;
using Grains.Gateway.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Grains.Gateway.Errors;

/// <summary>The one place where failures become responses: ProblemDetails from <see cref="ProblemCatalog"/>, never an exception's text.</summary>
public sealed partial class ProblemExceptionHandler(
    IOptions<GatewayOptions> options,
    ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        var problem = ProblemCatalog.For(exception);
        if (problem.Status >= StatusCodes.Status500InternalServerError)
        {
            LogServerError(logger, problem.Status, httpContext.Request.Method, httpContext.Request.Path, exception);
        }

        GrainCallFilter.SetSiloHeader(httpContext);
        if (problem.RetryLater)
        {
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(options.Value.UnavailableRetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return await problem.WriteAsync(httpContext).ConfigureAwait(false);
    }

    [LoggerMessage(1, LogLevel.Error, "Request {Method} {Path} failed with {Status}.")]
    private static partial void LogServerError(ILogger logger, int status, string method, string path, Exception exception);
}
