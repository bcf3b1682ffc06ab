using Grains.Hosting.Sessions;
using Grains.Shop.Api.Apis;
using Grains.Shop.Catalog;
using Grains.Shop.Contracts.Carts;
using Grains.Shop.Contracts.Products;
using Grains.Shop.Contracts.Sessions;
using Grains.Showdown.Server.Hosting;
using Grains.Showdown.Server.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SessionTokens = Grains.Showdown.Server.Sessions.SessionTokens;

namespace Grains.Showdown.Server.Apis;

/// <summary>
/// The part of the shop's API the showdown's load uses (sign in, read the cart, add to it), with the shop's routes,
/// bodies and error statuses (Grains.Shop.Api), served from an <see cref="IShopStore"/> instead of grains.
/// </summary>
public static class ShopApi
{
    public static IEndpointRouteBuilder MapShopApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/sessions", CreateSessionAsync);
        app.MapGet("/api/cart", GetCartAsync);
        app.MapPost("/api/cart/items", AddItemAsync);
        app.MapGet("/showdown/stats", (IShopStore store) => TypedResults.Ok(store.Stats));
        return app;
    }

    public static async Task<Results<Created<CreatedSession>, ValidationProblem>> CreateSessionAsync(
        CreateSessionRequest request, IShopStore store, SessionTokens tokens, IOptions<ServerOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        if (!UserIds.IsValid(request.UserId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["userId"] = [$"userId must be 1-{UserIds.MaxLength} characters of letters, digits and . _ - @"],
            });
        }

        var sessionId = SessionTokens.NewSessionId();
        await store.StartSessionAsync(sessionId, request.UserId!);
        var token = tokens.Issue(new SessionToken(sessionId, request.UserId!));
        return TypedResults.Created("/api/sessions/current", new CreatedSession(sessionId, token, request.UserId!, time.GetUtcNow() + options.Value.SessionIdleTimeout));
    }

    public static async Task<Results<Ok<Cart>, ProblemHttpResult>> GetCartAsync(HttpRequest http, IShopStore store, SessionTokens tokens)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Read(SessionTokens.FromHeader(http.Headers.Authorization)) is not { } session)
        {
            return Unauthorized();
        }

        // Both reads at once: a stateless server's best case is one round trip to the store per request.
        var live = store.TouchSessionAsync(session.SessionId, session.UserId);
        var cart = store.GetCartAsync(session.UserId);
        await Task.WhenAll(live, cart);
        return await live ? TypedResults.Ok(await cart) : Unauthorized();
    }

    public static async Task<Results<Ok<Cart>, ValidationProblem, ProblemHttpResult>> AddItemAsync(
        AddCartItemRequest request, HttpRequest http, IShopStore store, SessionTokens tokens, ProductCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(catalog);
        if (tokens.Read(SessionTokens.FromHeader(http.Headers.Authorization)) is not { } session
            || !await store.TouchSessionAsync(session.SessionId, session.UserId))
        {
            return Unauthorized();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!Skus.IsWellFormed(request.Sku))
        {
            errors["sku"] = [$"sku is required: 1-{Skus.MaxLength} letters, digits or '-'."];
        }

        if (request.Quantity is not (>= 1 and <= CartLimits.MaxQuantity))
        {
            errors["quantity"] = [$"quantity is required, from 1 to {CartLimits.MaxQuantity}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!catalog.TryGet(request.Sku!, out var product))
        {
            throw new UnknownSkuException("The SKU is not in the catalog.");
        }

        return TypedResults.Ok(await store.AddItemAsync(session.UserId, product, request.Quantity!.Value));
    }

    private static ProblemHttpResult Unauthorized() => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "Unauthorized",
        detail: "A valid session token is required: Authorization: Bearer <token> from POST /api/sessions.");
}
