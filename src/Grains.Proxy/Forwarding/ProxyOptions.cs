namespace Grains.Proxy.Forwarding;

/// <summary>How the proxy forwards a request; the host binds it from its own section (the gateway's is <c>Gateway</c>).</summary>
public sealed class ProxyOptions
{
    /// <summary>
    /// Requests with a larger body are refused with 413. The proxy holds a body in memory up to this size, so that a
    /// request a backend refused can go to the next one.
    /// </summary>
    public int MaxRequestBodyBytes { get; set; } = 16 * 1024;

    /// <summary>
    /// How long one request may keep trying backends: at once after a refused connection, and after a failure of
    /// unknown outcome only when the request is safe to repeat. Past it the request gets 503.
    /// </summary>
    public TimeSpan RetryBudget { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a backend may stay silent on one request before the proxy gives up on it.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A backend that refused a connection is tried after the others for this long.</summary>
    public TimeSpan RefusalPenalty { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// At most this many connections to one backend; requests beyond wait for one. A bound, so that a backend that
    /// stalls cannot make the proxy open sockets until the machine runs out of them.
    /// </summary>
    public int MaxConnectionsPerBackend { get; set; } = 1024;

    /// <summary>The Retry-After sent with 503.</summary>
    public TimeSpan UnavailableRetryAfter { get; set; } = TimeSpan.FromSeconds(2);
}
