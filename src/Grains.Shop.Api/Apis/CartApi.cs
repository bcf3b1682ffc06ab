using System.Security.Claims;
using Grains.Shop.Api.Authentication;
using Grains.Shop.Api.GrainCalls;
using Grains.Shop.Api.OpenApi;
using Grains.Shop.Api.Serialization;
using Grains.Shop.Contracts.Carts;
using Grains.Shop.Contracts.Orders;
using Grains.Shop.Contracts.Products;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Grains.Shop.Api.Apis;

/// <summary>
/// The token's user's cart; no route names a user, so no request can reach another user's cart. The shape of a request
/// is checked here; the catalog and the cart's limits are checked by the cart grain, which has the last word.
/// </summary>
public static class CartApi
{
    public static RouteGroupBuilder MapCartApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cart").WithTags("Cart")
            .RequireSession().CallsGrains();
        group.MapGet("/", GetCartAsync)
            .WithName("getCart")
            .WithSummary("Read the cart")
            .WithDescription("Returns the token's user's cart, priced from the catalog. `version` grows with every change.");
        group.MapDelete("/", ClearCartAsync)
            .WithName("clearCart")
            .WithSummary("Empty the cart")
            .WithDescription("Removes every line. Safe to repeat.");
        group.MapPost("/items", AddItemAsync)
            .WithName("addCartItem")
            .WithSummary("Add to the cart")
            .WithDescription($"Adds units of a product to the cart: to its line when there is one, else as a new line. A line holds at most {CartLimits.MaxQuantity} units and a cart at most {CartLimits.MaxLines} lines. Send an `Idempotency-Key` to make a retry safe: the add is applied once.")
            .ProducesProblems(StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/items/{sku}", SetItemQuantityAsync)
            .WithName("setCartItemQuantity")
            .WithSummary("Set a line's quantity")
            .WithDescription("Sets the quantity of a product's line, adding the line if needed; 0 removes it. Safe to repeat.")
            .ProducesProblems(StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
        group.MapDelete("/items/{sku}", RemoveItemAsync)
            .WithName("removeCartItem")
            .WithSummary("Remove a line")
            .WithDescription("Removes the product's line; a product not in the cart leaves it as it is. Safe to repeat.");
        group.MapPost("/checkout", CheckoutAsync)
            .WithName("checkout")
            .WithSummary("Check out")
            .WithDescription("Turns the cart into an order and empties the cart. Send an `Idempotency-Key` to make a retry safe: a repeat returns the same order instead of placing another. While earlier orders of the user are not recorded yet (`Cart:PendingOrderLimit` of them, 10 by default), a checkout is refused with 503 and `Retry-After`, and the cart is left as it is.")
            .ProducesProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        return group;
    }

    /// <summary>From the cart's published copy when its grain is active here, as JSON rendered once per change; else from the grain.</summary>
    public static async Task<Results<Ok<Cart>, RenderedJson>> GetCartAsync(ClaimsPrincipal user, ShopGrains grains, LocalCartReader local, PublishedCartJson published)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(published);
        return local.TryRead(user.GetUserId(), out var cart)
            ? published.AnswerFor(cart)
            : TypedResults.Ok(await CartOf(user, grains).GetAsync());
    }

    public static async Task<NoContent> ClearCartAsync(ClaimsPrincipal user, ShopGrains grains)
    {
        await CartOf(user, grains).ClearAsync();
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<Cart>, ValidationProblem>> AddItemAsync(
        AddCartItemRequest request,
        [FromHeader(Name = IdempotencyKeyHeader.Name)] string? idempotencyKey,
        ClaimsPrincipal user,
        ShopGrains grains,
        HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        CheckSku(request.Sku, errors);
        if (request.Quantity is not (>= 1 and <= CartLimits.MaxQuantity))
        {
            errors["quantity"] = [$"quantity is required, from 1 to {CartLimits.MaxQuantity}."];
        }

        CheckIdempotencyKey(idempotencyKey, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await CartOf(user, grains).AddItemAsync(new AddCartItem(request.Sku!, request.Quantity!.Value, idempotencyKey, ReceivedAt(http))));
    }

    public static async Task<Results<Ok<Cart>, ValidationProblem>> SetItemQuantityAsync(
        string sku, SetCartItemQuantityRequest request, ClaimsPrincipal user, ShopGrains grains)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        CheckSku(sku, errors);
        if (request.Quantity is not (>= 0 and <= CartLimits.MaxQuantity))
        {
            errors["quantity"] = [$"quantity is required, from 0 (removes the line) to {CartLimits.MaxQuantity}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await CartOf(user, grains).SetQuantityAsync(new SetCartItemQuantity(sku, request.Quantity!.Value)));
    }

    public static async Task<Results<Ok<Cart>, ValidationProblem>> RemoveItemAsync(string sku, ClaimsPrincipal user, ShopGrains grains)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        CheckSku(sku, errors);
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await CartOf(user, grains).RemoveItemAsync(sku));
    }

    public static async Task<Results<Created<Order>, ValidationProblem>> CheckoutAsync(
        [FromHeader(Name = IdempotencyKeyHeader.Name)] string? idempotencyKey, ClaimsPrincipal user, ShopGrains grains, HttpContext http)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        CheckIdempotencyKey(idempotencyKey, errors);
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Created("/api/orders", await CartOf(user, grains).CheckoutAsync(new Checkout(idempotencyKey, ReceivedAt(http))));
    }

    /// <summary>When the request began to be served: the same for every attempt the retry loop makes.</summary>
    private static long ReceivedAt(HttpContext http) => ServingSilo.Of(http)?.ReceivedAt ?? 0;

    private static ICartGrain CartOf(ClaimsPrincipal user, ShopGrains grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return grains.Cart(user.GetUserId());
    }

    private static void CheckSku(string? sku, Dictionary<string, string[]> errors)
    {
        if (!Skus.IsWellFormed(sku))
        {
            errors["sku"] = [$"sku is required: 1-{Skus.MaxLength} letters, digits or '-'."];
        }
    }

    private static void CheckIdempotencyKey(string? key, Dictionary<string, string[]> errors)
    {
        if (key is not null && !CartLimits.IsValidIdempotencyKey(key))
        {
            errors[IdempotencyKeyHeader.Name] = [$"{IdempotencyKeyHeader.Name} must be 1-{CartLimits.MaxIdempotencyKeyLength} visible ASCII characters."];
        }
    }
}
