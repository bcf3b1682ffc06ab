using System.Threading.RateLimiting;
using Grains.Shop.Api.Hosting;

namespace Grains.Shop.Api.RateLimiting;

internal static class TokenBuckets
{
    /// <summary>
    /// The limiter's settings for <paramref name="options"/>: no queue, so a request over the limit is refused at once
    /// (429) rather than held; the partitioned limiter that owns the bucket replenishes it.
    /// </summary>
    public static TokenBucketRateLimiterOptions Of(TokenBucketOptions options) => new()
    {
        TokenLimit = options.TokenLimit,
        TokensPerPeriod = options.TokensPerPeriod,
        ReplenishmentPeriod = options.ReplenishmentPeriod,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
