namespace Grains.Shop.Api.Hosting;

/// <summary>
/// A token bucket per session, bound from <c>Api:RateLimit</c>. Each silo counts on its own. The gateway sends a
/// session's requests to its user's silo, so a session meets one bucket; while a membership change moves the user, it
/// may meet two for a moment: a soft limit against runaway clients, not a quota.
/// </summary>
public sealed class SessionRateLimitOptions
{
    /// <summary>The burst a session may send at once.</summary>
    public int TokenLimit { get; set; } = 100;

    /// <summary>Tokens added back every <see cref="ReplenishmentPeriod"/>.</summary>
    public int TokensPerPeriod { get; set; } = 50;

    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);
}
