using Grains.Shop.Api.Hosting;

namespace Grains.Shop.Api.RateLimiting;

/// <summary>
/// Endpoint metadata of a route that needs no token, naming the limits its requests count against
/// (<see cref="AnonymousRateLimiting"/>). Without a session there is nothing else to count them by.
/// </summary>
public sealed class AnonymousRoute
{
    private readonly Func<ApiOptions, AnonymousRateLimitOptions> _limits;

    private AnonymousRoute(string name, Func<ApiOptions, AnonymousRateLimitOptions> limits)
    {
        Name = name;
        _limits = limits;
    }

    /// <summary>Creating a session, which stores one until it expires: <see cref="ApiOptions.SignInRateLimit"/>.</summary>
    public static AnonymousRoute SignIn { get; } = new("sign-in", api => api.SignInRateLimit);

    /// <summary>A read that needs no token (products, the OpenAPI document): <see cref="ApiOptions.AnonymousRateLimit"/>.</summary>
    public static AnonymousRoute Read { get; } = new("read", api => api.AnonymousRateLimit);

    public string Name { get; }

    public AnonymousRateLimitOptions LimitsIn(ApiOptions api) => _limits(api);

    public override string ToString() => Name;
}
