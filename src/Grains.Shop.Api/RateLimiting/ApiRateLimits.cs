using System.Globalization;
using System.Threading.RateLimiting;
using Grains.Hosting.Http;
using Grains.Shop.Api.Hosting;
using Microsoft.AspNetCore.RateLimiting;

namespace Grains.Shop.Api.RateLimiting;

/// <summary>The API's rate limits, and how each refuses a request: 429 as a problem, with <c>Retry-After</c>.</summary>
public static class ApiRateLimits
{
    private static readonly Problem s_sessionTooBusy = new(
        StatusCodes.Status429TooManyRequests, "Too Many Requests", "This session sent too many requests. Retry after the time given in Retry-After.");

    private static readonly Problem s_anonymousTooBusy = new(
        StatusCodes.Status429TooManyRequests,
        "Too Many Requests",
        "Too many requests that need no token came from this address, or from all clients together. Nothing was done; retry after the time given in Retry-After.");

    /// <summary>
    /// The API's limits: the per-session policy (<see cref="SessionRateLimiting"/>), the limits of routes that need no
    /// token as the global limiter (<see cref="AnonymousRateLimiting"/>), and this rejection for both.
    /// </summary>
    public static void Configure(RateLimiterOptions limiter, ApiOptions api)
    {
        ArgumentNullException.ThrowIfNull(limiter);
        ArgumentNullException.ThrowIfNull(api);
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        SessionRateLimiting.AddPolicy(limiter, api.RateLimit);
        limiter.GlobalLimiter = AnonymousRateLimiting.Create(api);
        limiter.OnRejected = WriteAsync;
    }

    private static async ValueTask WriteAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var http = rejected.HttpContext;
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var problem = AnonymousRateLimiting.RouteOf(http) is null ? s_sessionTooBusy : s_anonymousTooBusy;
        await problem.WriteAsync(http).ConfigureAwait(false);
    }
}
