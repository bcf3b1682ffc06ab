using System.Security.Claims;
using Grains.Shop.Api.Authentication;
using Grains.Shop.Api.GrainCalls;
using Grains.Shop.Api.OpenApi;
using Grains.Shop.Api.RateLimiting;
using Grains.Hosting.Sessions;
using Grains.Shop.Contracts.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grains.Shop.Api.Apis;

public static class SessionApi
{
    public static RouteGroupBuilder MapSessionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions").WithTags("Sessions").CallsGrains();
        group.MapPost("/", CreateSessionAsync).AllowAnonymous().RequireAnonymousRateLimit(AnonymousRoute.SignIn)
            .WithName("createSession")
            .WithSummary("Start a session")
            .WithDescription("Starts a session for the user and returns its token. Send the token as `Authorization: Bearer <token>` on every other route. No password is asked: the shop trusts the user id it is given. The session expires after `Sessions:IdleTimeout` (30 minutes by default) without a request. Sign-ins are limited per client address and in total (`Api:SignInRateLimit`); over the limit the answer is 429 and no session is made.")
            .ProducesProblems(StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
        var current = group.MapGroup("/current").RequireSession();
        current.MapGet("/", GetCurrentSessionAsync)
            .WithName("getCurrentSession")
            .WithSummary("Read the current session")
            .WithDescription("Returns the session of the token sent. Each request slides the session's expiry.");
        current.MapDelete("/", RevokeCurrentSessionAsync)
            .WithName("revokeCurrentSession")
            .WithSummary("Sign out")
            .WithDescription("Revokes the session of the token sent; the token is refused with 401 from then on, on every gateway.");
        return group;
    }

    public static async Task<Results<Created<CreatedSession>, ValidationProblem>> CreateSessionAsync(
        CreateSessionRequest request, ShopGrains grains, SessionTokens tokens)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(tokens);
        if (!UserIds.IsValid(request.UserId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["userId"] = [$"userId must be 1-{UserIds.MaxLength} characters of letters, digits and . _ - @"],
            });
        }

        var session = await grains.Session(UserGrainKeys.Session(request.UserId!, SessionTokens.NewSessionId())).StartAsync(request.UserId!);
        var token = tokens.Issue(new SessionToken(session.SessionId, session.UserId));
        return TypedResults.Created("/api/sessions/current", new CreatedSession(session.SessionId, token, session.UserId, session.ExpiresAt));
    }

    public static async Task<Results<Ok<SessionInfo>, UnauthorizedHttpResult>> GetCurrentSessionAsync(ClaimsPrincipal user, ShopGrains grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return await grains.Session(user.GetSessionGrainKey()).GetAsync() is { } session
            ? TypedResults.Ok(session)
            : TypedResults.Unauthorized();
    }

    public static async Task<NoContent> RevokeCurrentSessionAsync(ClaimsPrincipal user, ShopGrains grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        await grains.Session(user.GetSessionGrainKey()).RevokeAsync();
        return TypedResults.NoContent();
    }
}
