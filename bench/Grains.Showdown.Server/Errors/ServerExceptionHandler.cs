using Grains.Shop.Contracts.Carts;
using Grains.Showdown.Server.Store;
using Microsoft.AspNetCore.Diagnostics;
using StackExchange.Redis;

namespace Grains.Showdown.Server.Errors;

/// <summary>Failures as ProblemDetails with fixed texts, as the gateway answers them; never an exception's text.</summary>
public sealed partial class ServerExceptionHandler(IProblemDetailsService problems, ILogger<ServerExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: var code } when code is >= 400 and < 500 =>
                (code, "Bad Request", "The request is malformed: the body must be valid JSON of the documented shape."),
            UnknownSkuException => (400, "Unknown SKU", "The SKU is not in the product catalog (see GET /api/products)."),
            QuantityOutOfRangeException => (400, "Quantity out of range", $"An add takes 1 to {CartLimits.MaxQuantity} units, and a line holds at most {CartLimits.MaxQuantity}."),
            TooManyLinesException => (400, "Too many lines", $"A cart holds at most {CartLimits.MaxLines} lines."),
            WriteConflictException or RedisException or TimeoutException =>
                (503, "Service Unavailable", "The store could not take this change right now. Retry after the time given in Retry-After."),
            _ => (500, "Internal Server Error", "An unexpected error occurred."),
        };
        if (status >= 500)
        {
            LogFailure(logger, status, httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name);
        }

        if (status == 503)
        {
            httpContext.Response.Headers.RetryAfter = "1";
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).ConfigureAwait(false);
    }
}
