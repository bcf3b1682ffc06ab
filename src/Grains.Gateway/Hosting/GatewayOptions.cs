namespace Grains.Gateway.Hosting;

/// <summary>
/// Bound from the configuration section <c>Gateway</c>, with the proxy's own keys
/// (<see cref="Proxy.Forwarding.ProxyOptions"/>: <c>MaxRequestBodyBytes</c>, <c>RetryBudget</c>, <c>RequestTimeout</c>,
/// <c>RefusalPenalty</c>, <c>UnavailableRetryAfter</c>).
/// </summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>How often the silos are reread from Redis: the gateway routes around a change within this time.</summary>
    public TimeSpan SiloListRefreshPeriod { get; set; } = TimeSpan.FromMilliseconds(250);
}
