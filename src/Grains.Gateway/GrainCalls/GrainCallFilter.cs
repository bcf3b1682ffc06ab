using Grains.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Grains.Gateway.GrainCalls;

/// <summary>
/// Wraps every endpoint that calls grains: retries the handler when that is harmless (<see cref="GrainCallRetry"/>), and
/// names the silo that answered in the <c>X-Silo</c> header, also on an error response a grain produced.
/// </summary>
public sealed class GrainCallFilter(IOptions<GatewayOptions> options, ClusterConnection connection) : IEndpointFilter
{
    public const string SiloHeader = "X-Silo";

    private static readonly object s_servingKey = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var serving = ServingSilo.Begin();
        http.Items[s_servingKey] = serving;
        var result = await GrainCallRetry.RunAsync(
            () =>
            {
                connection.ThrowIfNotConnected();
                return next(context).AsTask();
            },
            GrainCallRetry.IsRetrySafe(http.Request),
            options.Value.RetryBudget,
            http.RequestAborted).ConfigureAwait(false);
        SetSiloHeader(http);
        return result;
    }

    /// <summary>Sets <c>X-Silo</c> from the request's grain calls; the exception handler calls it again after clearing the response.</summary>
    public static void SetSiloHeader(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[s_servingKey] is ServingSilo { Name: { } name })
        {
            context.Response.Headers[SiloHeader] = name;
        }
    }
}
