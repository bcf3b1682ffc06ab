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

    /// <summary>Per-session request rate, on every route that needs a token.</summary>
    public TokenBucketOptions RateLimit { get; set; } = new();

    /// <summary>
    /// Sign-ins (<c>POST /api/sessions</c>) per client address and in total. Each one stores a session until it
    /// expires, so these rates times a session's lifetime bound the sessions in Redis (docs/redis-keys.md).
    /// </summary>
    public AnonymousRateLimitOptions SignInRateLimit { get; set; } = new()
    {
        PerAddress = new() { TokenLimit = 10, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromSeconds(6) },
        Global = new() { TokenLimit = 100, TokensPerPeriod = 20, ReplenishmentPeriod = TimeSpan.FromSeconds(1) },
    };

    /// <summary>The other routes that need no token (the product list, the OpenAPI document), per client address and in total.</summary>
    public AnonymousRateLimitOptions AnonymousRateLimit { get; set; } = new()
    {
        PerAddress = new() { TokenLimit = 100, TokensPerPeriod = 50, ReplenishmentPeriod = TimeSpan.FromSeconds(1) },
        Global = new() { TokenLimit = 2000, TokensPerPeriod = 1000, ReplenishmentPeriod = TimeSpan.FromSeconds(1) },
    };

    /// <summary>Which address a request counts as coming from, behind the gateways.</summary>
    public ClientAddressOptions ClientAddress { get; set; } = new();
}
