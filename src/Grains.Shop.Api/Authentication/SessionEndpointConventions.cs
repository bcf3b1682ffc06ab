using Grains.Shop.Api.OpenApi;
using Grains.Shop.Api.RateLimiting;

namespace Grains.Shop.Api.Authentication;

public static class SessionEndpointConventions
{
    /// <summary>The endpoints need a valid session token (else 401), and share that session's rate limit (else 429).</summary>
    public static TBuilder RequireSession<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization().RequireRateLimiting(SessionRateLimiting.PolicyName)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests);
}
