using System.Security.Claims;
using Grains.Shop.Contracts.Sessions;

namespace Grains.Shop.Api.Authentication;

/// <summary>The claims a checked session token yields, and how handlers read them.</summary>
public static class SessionClaims
{
    public const string SessionId = "sid";

    public const string UserId = "uid";

    public static string GetSessionId(this ClaimsPrincipal principal) => Require(principal, SessionId);

    public static string GetUserId(this ClaimsPrincipal principal) => Require(principal, UserId);

    /// <summary>The key of the request's session grain (<see cref="UserGrainKeys.Session"/>).</summary>
    public static string GetSessionGrainKey(this ClaimsPrincipal principal) => UserGrainKeys.Session(principal.GetUserId(), principal.GetSessionId());

    private static string Require(ClaimsPrincipal principal, string type)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindFirst(type)?.Value ?? throw new InvalidOperationException($"The request carries no '{type}' claim; is the endpoint missing RequireAuthorization?");
    }
}
