using Grains.Hosting.Http;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Grains.Hosting.Sessions;
using Grains.Shop.Api.Errors;
using Grains.Shop.Api.GrainCalls;
using Grains.Shop.Api.Hosting;
using Grains.Shop.Contracts.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Grains.Shop.Api.Authentication;

/// <summary>
/// Accepts <c>Authorization: Bearer &lt;token&gt;</c> when the token's signature holds and the session is live; the check
/// also slides the session's expiry. The session grain lives on its user's silo, which is where the gateway sends the
/// user's requests, and publishes its session there (<see cref="LocalSessions"/>): so in steady state the check is a
/// look-up in this process. A session not published here, or one the look-up cannot settle (expired, revoked, its
/// activity due to be written), is checked by a call to its grain, as in a host that holds no grains.
/// </summary>
public sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    SessionTokens tokens,
    ShopGrains grains,
    TimeProvider time,
    IOptions<ApiOptions> apiOptions,
    LocalSessions? localSessions = null)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string SchemeName = "SessionToken";

    private static readonly Problem s_unauthorized = new(
        StatusCodes.Status401Unauthorized,
        "Unauthorized",
        "A valid session token is required: create a session with POST /api/sessions and send 'Authorization: Bearer <token>'.");

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        if (tokens.Read(header["Bearer ".Length..].Trim()) is not { } token)
        {
            return AuthenticateResult.Fail("The token is malformed or its signature is wrong.");
        }

        var key = UserGrainKeys.Session(token.UserId, token.SessionId);
        if (localSessions?.Touch(key, token.UserId, time.GetUtcNow()) == LocalSessionCheck.Live)
        {
            return Success(token.SessionId, token.UserId);
        }

        var session = await GrainCallRetry.RunAsync(
            () => grains.Session(key).TouchAsync(),
            retryIsSafe: true,
            apiOptions.Value.RetryBudget,
            Context.RequestAborted).ConfigureAwait(false);
        if (session is null || !string.Equals(session.UserId, token.UserId, StringComparison.Ordinal))
        {
            return AuthenticateResult.Fail("The session is unknown, expired or revoked.");
        }

        return Success(session.SessionId, session.UserId);
    }

    private static AuthenticateResult Success(string sessionId, string userId)
    {
        var identity = new ClaimsIdentity([new Claim(SessionClaims.SessionId, sessionId), new Claim(SessionClaims.UserId, userId)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        await s_unauthorized.WriteAsync(Context).ConfigureAwait(false);
    }
}
