using Microsoft.AspNetCore.Http;

namespace Grains.Hosting.Http;

/// <summary>Which requests may be sent again when it is unknown whether the first attempt took effect.</summary>
public static class RequestRetry
{
    /// <summary>The header that makes a change safe to repeat: the cart applies a request with a given key at most once.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>
    /// Safe to repeat: reads, PUT and DELETE (they set a state rather than change it by a step), and any request whose
    /// <c>Idempotency-Key</c> makes the cart grain apply it at most once.
    /// </summary>
    public static bool IsSafe(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsPut(request.Method) || HttpMethods.IsDelete(request.Method)
            || request.Headers.ContainsKey(IdempotencyKeyHeader);
    }
}
