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
/// Accepts <c>Authorization: Bearer &lt;token&gt;</c> when the token's signature holds and its session grain says the
/// session is live; the check also slides the session's expiry. Every request therefore costs one session-grain call,
/// but no storage write (see <c>Sessions:LastSeenWriteInterval</c>). The session grain lives on its user's silo, which
/// is where the gateway sends the user's requests, so in steady state that call stays in this process.
/// </summary>
public sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    SessionTokens tokens,
    IGrainFactory grains,
    IOptions<ApiOptions> apiOptions)
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

        var session = await GrainCallRetry.RunAsync(
            () => grains.GetGrain<ISessionGrain>(UserGrainKeys.Session(token.UserId, token.SessionId)).TouchAsync(),
            retryIsSafe: true,
            apiOptions.Value.RetryBudget,
            Context.RequestAborted).ConfigureAwait(false);
        if (session is null || !string.Equals(session.UserId, token.UserId, StringComparison.Ordinal))
        {
            return AuthenticateResult.Fail("The session is unknown, expired or revoked.");
        }

        var identity = new ClaimsIdentity(
            [new Claim(SessionClaims.SessionId, session.SessionId), new Claim(SessionClaims.UserId, session.UserId)],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        await s_unauthorized.WriteAsync(Context).ConfigureAwait(false);
    }
}
