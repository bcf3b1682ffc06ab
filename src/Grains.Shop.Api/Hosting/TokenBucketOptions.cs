namespace Grains.Shop.Api.Hosting;

/// <summary>
/// A token bucket, counted by each silo on its own: the per-session limit (<c>Api:RateLimit</c>) and the limits of the
/// routes that need no token (<see cref="AnonymousRateLimitOptions"/>).
/// </summary>
public sealed class TokenBucketOptions
{
    /// <summary>The burst that may be sent at once.</summary>
    public int TokenLimit { get; set; } = 100;

    /// <summary>Tokens added back every <see cref="ReplenishmentPeriod"/>.</summary>
    public int TokensPerPeriod { get; set; } = 50;

    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);
}
