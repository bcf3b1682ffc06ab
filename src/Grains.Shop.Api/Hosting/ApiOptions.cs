namespace Grains.Shop.Api.Hosting;

/// <summary>Bound from the configuration section <c>Api</c>: the shop's HTTP API, served by every silo.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>
    /// The HMAC-SHA256 key that signs session tokens, at least 32 characters. Every silo of a cluster must use the same
    /// key, or a token issued by one is rejected by another. Only in Development may it be left out, and then a random
    /// key is made at start, so tokens do not survive a restart. Never logged.
    /// </summary>
    public string? TokenKey { get; set; }

    /// <summary>Requests with a larger body are refused with 413.</summary>
    public int MaxRequestBodyBytes { get; set; } = 16 * 1024;

    /// <summary>
    /// How long one request keeps retrying grain calls that failed without running (a silo refused them, or its path
    /// failed before delivery) or, when the request is safe to repeat, with an unknown outcome. Long enough to outlast
    /// a failover (a paused silo is replaced within about 3 s); past it the request gets 503.
    /// </summary>
    public TimeSpan RetryBudget { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The Retry-After sent with 503 when no silo can serve.</summary>
    public TimeSpan UnavailableRetryAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Per-session request rate.</summary>
    public SessionRateLimitOptions RateLimit { get; set; } = new();
}
