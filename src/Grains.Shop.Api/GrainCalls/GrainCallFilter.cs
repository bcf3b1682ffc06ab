using Grains.Hosting.Http;
using Grains.Shop.Api.Hosting;
using Grains.Shop.Api.Telemetry;
using Microsoft.Extensions.Options;

namespace Grains.Shop.Api.GrainCalls;

/// <summary>
/// Wraps every endpoint that calls grains: retries the handler when that is harmless (<see cref="GrainCallRetry"/>),
/// names the silo that answered in <c>X-Silo</c> (also on an error response a grain produced), and says in
/// <c>X-Locality</c> whether every grain call ran in this process.
/// </summary>
public sealed class GrainCallFilter(IOptions<ApiOptions> options, ApiMetrics metrics) : IEndpointFilter
{
    public const string SiloHeader = "X-Silo";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var serving = ServingSilo.Of(http) ?? ServingSilo.Begin(http);
        object? result;
        try
        {
            result = await next(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (GrainCallRetry.MayRetry(ex, GrainCallRetry.IsRetrySafe(http.Request)))
        {
            // The first attempt goes straight to the handler; only a failure worth retrying pays for the retry loop.
            result = await GrainCallRetry.RunAsync(
                () => next(context).AsTask(),
                GrainCallRetry.IsRetrySafe(http.Request),
                options.Value.RetryBudget,
                http.RequestAborted,
                attemptsMade: 1).ConfigureAwait(false);
        }

        SetServingHeaders(http);
        metrics.Served(serving.Locality);
        return result;
    }

    /// <summary>
    /// Sets <c>X-Silo</c> and <c>X-Locality</c> from the request's grain calls; the exception handler calls it again
    /// after clearing the response.
    /// </summary>
    public static void SetServingHeaders(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (ServingSilo.Of(context) is { } serving)
        {
            if (serving.Name is { } name)
            {
                context.Response.Headers[SiloHeader] = name;
            }

            if (serving.Locality.ToHeaderValue() is { } locality)
            {
                context.Response.Headers[LocalityHeader.Name] = locality;
            }
        }
    }
}
