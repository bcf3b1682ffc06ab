using System.Net;
using System.Threading.RateLimiting;
using Grains.Shop.Api.Hosting;
using Grains.Shop.Api.OpenApi;

namespace Grains.Shop.Api.RateLimiting;

/// <summary>
/// The limits of routes marked with an <see cref="AnonymousRoute"/>: a request takes a token from its client address's
/// bucket first and from the bucket all clients share second, so one address that sends too much is refused by its own
/// bucket before it can drain the shared one. Requests to other routes pass untouched (<see cref="AnonymousRoutesLimiter"/>).
/// </summary>
public static class AnonymousRateLimiting
{
    /// <summary>The endpoints count against <paramref name="route"/>'s limits (else 429 with <c>Retry-After</c>).</summary>
    public static TBuilder RequireAnonymousRateLimit<TBuilder>(this TBuilder builder, AnonymousRoute route)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(route).ProducesProblems(StatusCodes.Status429TooManyRequests);

    /// <summary>
    /// The limiter, to be ASP.NET Core's global one, which runs before any endpoint's own policy. Client addresses are
    /// those the forwarded-headers middleware settled (<see cref="ClientAddressOptions"/>).
    /// </summary>
    public static PartitionedRateLimiter<HttpContext> Create(ApiOptions api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var perAddress = PartitionedRateLimiter.Create<HttpContext, (AnonymousRoute? Route, IPAddress? Address)>(context =>
            RouteOf(context) is { } route
                ? RateLimitPartition.GetTokenBucketLimiter<(AnonymousRoute?, IPAddress?)>(
                    (route, ClientAddresses.PartitionOf(context.Connection.RemoteIpAddress)),
                    _ => TokenBuckets.Of(route.LimitsIn(api).PerAddress))
                : RateLimitPartition.GetNoLimiter<(AnonymousRoute?, IPAddress?)>(default));
        var global = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            RouteOf(context) is { } route
                ? RateLimitPartition.GetTokenBucketLimiter(route.Name, _ => TokenBuckets.Of(route.LimitsIn(api).Global))
                : RateLimitPartition.GetNoLimiter(string.Empty));
        return new AnonymousRoutesLimiter(PartitionedRateLimiter.CreateChained(perAddress, global));
    }

    /// <summary>The limits the request's endpoint counts against; null when it has none of its own.</summary>
    public static AnonymousRoute? RouteOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GetEndpoint()?.Metadata.GetMetadata<AnonymousRoute>();
    }
}
