using Grains.Gateway.RateLimiting;

namespace Grains.Gateway.Authentication;

public static class SessionEndpointConventions
{
    /// <summary>The endpoints need a valid session token, and share that session's rate limit.</summary>
    public static TBuilder RequireSession<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization().RequireRateLimiting(SessionRateLimiting.PolicyName);
}
