using Grains.Hosting.Http;
using System.Globalization;
using System.Threading.RateLimiting;
using Grains.Shop.Api.Authentication;
using Grains.Shop.Api.Errors;
using Grains.Shop.Api.Hosting;
using Microsoft.AspNetCore.RateLimiting;

namespace Grains.Shop.Api.RateLimiting;

/// <summary>A token bucket per session id, counted by each gateway on its own (see <see cref="SessionRateLimitOptions"/>).</summary>
public static class SessionRateLimiting
{
    public const string PolicyName = "per-session";

    private static readonly Problem s_tooManyRequests = new(
        StatusCodes.Status429TooManyRequests, "Too Many Requests", "This session sent too many requests. Retry after the time given in Retry-After.");

    public static void Configure(RateLimiterOptions limiter, SessionRateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(limiter);
        ArgumentNullException.ThrowIfNull(options);
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.AddPolicy(PolicyName, context =>
            context.User.FindFirst(SessionClaims.SessionId)?.Value is { } sessionId
                ? RateLimitPartition.GetTokenBucketLimiter(sessionId, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.TokenLimit,
                    TokensPerPeriod = options.TokensPerPeriod,
                    ReplenishmentPeriod = options.ReplenishmentPeriod,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                })
                : RateLimitPartition.GetNoLimiter(string.Empty));
        limiter.OnRejected = WriteRejectionAsync;
    }

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var http = rejected.HttpContext;
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await s_tooManyRequests.WriteAsync(http).ConfigureAwait(false);
    }
}
