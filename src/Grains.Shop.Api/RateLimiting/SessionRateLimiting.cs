using System.Threading.RateLimiting;
using Grains.Shop.Api.Authentication;
using Grains.Shop.Api.Hosting;
using Microsoft.AspNetCore.RateLimiting;

namespace Grains.Shop.Api.RateLimiting;

/// <summary>
/// A token bucket per session id (<c>Api:RateLimit</c>), counted by each silo on its own. The gateway sends a session's
/// requests to its user's silo, so a session meets one bucket; while a membership change moves the user it may meet
/// two for a moment: a soft limit against runaway clients, not a quota.
/// </summary>
public static class SessionRateLimiting
{
    public const string PolicyName = "per-session";

    public static void AddPolicy(RateLimiterOptions limiter, TokenBucketOptions options)
    {
        ArgumentNullException.ThrowIfNull(limiter);
        ArgumentNullException.ThrowIfNull(options);
        limiter.AddPolicy(PolicyName, context =>
            context.User.FindFirst(SessionClaims.SessionId)?.Value is { } sessionId
                ? RateLimitPartition.GetTokenBucketLimiter(sessionId, _ => TokenBuckets.Of(options))
                : RateLimitPartition.GetNoLimiter(string.Empty));
    }
}
