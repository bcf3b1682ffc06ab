namespace Grains.Gateway.Hosting;

/// <summary>Bound from the configuration section <c>Gateway</c>.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>
    /// The HMAC-SHA256 key that signs session tokens, at least 32 characters. Every gateway of a cluster must use the
    /// same key, or a token issued by one is rejected by another. Only in Development may it be left out, and then a
    /// random key is made at start, so tokens do not survive a restart. Never logged.
    /// </summary>
    public string? TokenKey { get; set; }

    /// <summary>
    /// Whether this process hosts an in-memory silo itself instead of joining a cluster. Unset means: host one when
    /// <c>Redis:ConnectionString</c> is empty, so that the gateway runs alone in development.
    /// </summary>
    public bool? HostSilo { get; set; }

    /// <summary>Requests with a larger body are refused with 413.</summary>
    public int MaxRequestBodyBytes { get; set; } = 16 * 1024;

    /// <summary>How often a call whose silo died mid-call is retried, when a retry is safe.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The Retry-After sent with 503 when no silo can serve.</summary>
    public TimeSpan UnavailableRetryAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Per-session request rate.</summary>
    public SessionRateLimitOptions RateLimit { get; set; } = new();
}
