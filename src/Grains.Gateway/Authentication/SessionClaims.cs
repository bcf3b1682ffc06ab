using System.Security.Claims;

namespace Grains.Gateway.Authentication;

/// <summary>The claims a checked session token yields, and how handlers read them.</summary>
public static class SessionClaims
{
    public const string SessionId = "sid";

    public const string UserId = "uid";

    public static string GetSessionId(this ClaimsPrincipal principal) => Require(principal, SessionId);

    public static string GetUserId(this ClaimsPrincipal principal) => Require(principal, UserId);

    private static string Require(ClaimsPrincipal principal, string type)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindFirst(type)?.Value ?? throw new InvalidOperationException($"The request carries no '{type}' claim; is the endpoint missing RequireAuthorization?");
    }
}
