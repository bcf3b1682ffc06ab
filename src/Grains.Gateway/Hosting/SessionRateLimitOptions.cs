namespace Grains.Gateway.Hosting;

/// <summary>
/// A token bucket per session, bound from <c>Gateway:RateLimit</c>. Each gateway instance counts on its own, so with
/// N gateways behind a balancer a session may reach up to N times these figures: a soft limit against runaway
/// clients, not a quota.
/// </summary>
public sealed class SessionRateLimitOptions
{
    /// <summary>The burst a session may send at once.</summary>
    public int TokenLimit { get; set; } = 100;

    /// <summary>Tokens added back every <see cref="ReplenishmentPeriod"/>.</summary>
    public int TokensPerPeriod { get; set; } = 50;

    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);
}
