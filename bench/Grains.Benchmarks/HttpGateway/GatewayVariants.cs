using System.Security.Claims;
using Grains.Hosting.Sessions;
using Grains.Shop.Api.Apis;
using Grains.Shop.Api.Authentication;
using Grains.Shop.Api.GrainCalls;
using Grains.Shop.Contracts.Carts;
using Grains.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Grains.Benchmarks.HttpGateway;

/// <summary>
/// A silo taken apart: composed exactly as src/Grains.Silo/Program.cs composes it (same services, same middleware, same
/// <c>/api</c> endpoints, the grains in-process), plus endpoints under <c>/bench</c> that each do only part of what
/// <c>GET /api/cart</c> does. The difference between two of them is what the missing part costs.
/// </summary>
internal static class GatewayVariants
{
    /// <summary>Carries the session token for <see cref="TokenOnlyPath"/>: a token in Authorization would make the authentication middleware call the session grain.</summary>
    public const string TokenHeader = "X-Bench-Token";

    public const string PipelinePath = "/bench/pipeline";
    public const string TokenOnlyPath = "/bench/token";
    public const string SessionPath = "/bench/session";
    public const string SessionLimitedPath = "/bench/session-limited";
    public const string GrainPath = "/bench/grain";
    public const string GrainBytesPath = "/bench/grain-bytes";
    public const string JsonPath = "/bench/json";
    public const string CartWithoutFilterPath = "/bench/cart-unfiltered";
    public const string CartWithTokenOnlyPath = "/bench/cart-token";

    /// <param name="userId">The user whose cart the endpoints without a session read (the token's user).</param>
    /// <param name="body">The JSON a silo returned for that cart, written by the endpoints that skip serialization.</param>
    public static WebApplication Create(string[] args, string userId, byte[] body)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddShopSilo();
        var app = builder.Build();
        app.UseShopSilo();
        MapParts(app, userId, body);
        return app;
    }

    private static void MapParts(IEndpointRouteBuilder app, string userId, byte[] body)
    {
        var bench = app.MapGroup("/bench");

        // The middleware pipeline alone: an anonymous request (authentication finds no token) answered with fixed bytes.
        bench.MapGet("/pipeline", context => BareEndpoint.WriteAsync(context, body));

        // The token's HMAC check and payload parse alone, without the session grain.
        bench.MapGet("/token", (HttpContext context, SessionTokens tokens) =>
        {
            if (tokens.Read(context.Request.Headers[TokenHeader].ToString()) is null)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            }

            return BareEndpoint.WriteAsync(context, body);
        });

        // Authentication (HMAC + ISessionGrain.TouchAsync), without and with the per-session rate limiter.
        bench.MapGet("/session", (HttpContext context) => BareEndpoint.WriteAsync(context, body)).RequireAuthorization();
        bench.MapGet("/session-limited", (HttpContext context) => BareEndpoint.WriteAsync(context, body)).RequireSession();

        // The cart grain call alone: with the result written as JSON, and with fixed bytes written instead.
        bench.MapGet("/grain", async (ShopGrains grains) => TypedResults.Ok(await grains.Cart(userId).GetAsync()));
        bench.MapGet("/grain-bytes", async (HttpContext context, ShopGrains grains) =>
        {
            await grains.Cart(userId).GetAsync();
            await BareEndpoint.WriteAsync(context, body);
        });

        // JSON alone: a cart read once, serialized by the same result type on every request.
        var cart = new Lazy<Task<Cart>>(() => app.ServiceProvider.GetRequiredService<ShopGrains>().Cart(userId).GetAsync());
        bench.MapGet("/json", async () => TypedResults.Ok(await cart.Value));

        // GET /api/cart as it would be if a checked session were trusted for a while instead of asking the session grain on
        // every request: the token's HMAC check, then the cart grain and JSON.
        bench.MapGet("/cart-token", async (HttpContext context, SessionTokens tokens, ShopGrains grains) =>
            tokens.Read(context.Request.Headers[TokenHeader].ToString()) is { } token
                ? Results.Ok(await grains.Cart(token.UserId).GetAsync())
                : Results.Unauthorized());

        // GET /api/cart without the GrainCallFilter (retries and the X-Silo header): session, rate limit, the published cart, JSON.
        bench.MapGet("/cart-unfiltered", (ClaimsPrincipal user, ShopGrains grains, LocalCartReader local, PublishedCartJson published) => CartApi.GetCartAsync(user, grains, local, published)).RequireSession();
    }
}
