using Grains.Gateway.Hosting;
using Grains.Runtime;
using Microsoft.Extensions.Options;

namespace Grains.Gateway.GrainCalls;

/// <summary>
/// Wraps every endpoint that calls grains: retries the handler when that is safe, and names the silo that answered in
/// the <c>X-Silo</c> header, also on an error response a grain produced.
/// </summary>
public sealed class GrainCallFilter(IOptions<GatewayOptions> options) : IEndpointFilter
{
    public const string SiloHeader = "X-Silo";

    private static readonly object s_siloItemKey = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        using var scope = GrainCallScope.Begin();
        try
        {
            var result = await GrainCallRetry.RunAsync(
                () => next(context).AsTask(),
                GrainCallRetry.IsRetrySafe(http.Request),
                options.Value.MaxRetries,
                http.RequestAborted).ConfigureAwait(false);
            SetSiloHeader(http.Response, scope.LastSiloName);
            return result;
        }
        catch (GrainException) when (scope.LastSiloName is not null)
        {
            // The exception handler clears the response; it puts the header back from here.
            http.Items[s_siloItemKey] = scope.LastSiloName;
            throw;
        }
    }

    /// <summary>Restores the header of a request whose grain call failed inside a grain.</summary>
    public static void RestoreSiloHeader(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        SetSiloHeader(context.Response, context.Items[s_siloItemKey] as string);
    }

    private static void SetSiloHeader(HttpResponse response, string? siloName)
    {
        if (siloName is not null)
        {
            response.Headers[SiloHeader] = siloName;
        }
    }
}
