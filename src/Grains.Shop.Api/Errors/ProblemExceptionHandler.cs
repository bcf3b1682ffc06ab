using Grains.Hosting.Http;
using System.Globalization;
using Grains.Shop.Api.GrainCalls;
using Grains.Shop.Api.Hosting;
using Grains.Shop.Api.Telemetry;
using Grains.Shop.Contracts.Carts;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Grains.Shop.Api.Errors;

/// <summary>The one place where failures become responses: ProblemDetails from <see cref="ProblemCatalog"/>, never an exception's text.</summary>
public sealed partial class ProblemExceptionHandler(
    IOptions<ApiOptions> options,
    ApiMetrics metrics,
    ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        var problem = ProblemCatalog.For(exception);
        if (problem.RetryLater)
        {
            // The cluster could not serve for now (a failover, a store outage, orders not yet recorded): expected, and told to the client.
            metrics.Unavailable();
            LogUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name);
        }
        else if (problem.Status >= StatusCodes.Status500InternalServerError)
        {
            LogServerError(logger, problem.Status, httpContext.Request.Method, httpContext.Request.Path, exception);
        }

        GrainCallFilter.SetServingHeaders(httpContext);
        var retryAfter = exception is CheckoutLimitException limited ? limited.RetryAfter
            : problem.RetryLater ? options.Value.UnavailableRetryAfter
            : (TimeSpan?)null;
        if (retryAfter is { } wait)
        {
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return await problem.WriteAsync(httpContext).ConfigureAwait(false);
    }

    [LoggerMessage(1, LogLevel.Error, "Request {Method} {Path} failed with {Status}.")]
    private static partial void LogServerError(ILogger logger, int status, string method, string path, Exception exception);

    [LoggerMessage(2, LogLevel.Warning, "Request {Method} {Path} got 503 after {Failure}.")]
    private static partial void LogUnavailable(ILogger logger, string method, string path, string failure);
}
