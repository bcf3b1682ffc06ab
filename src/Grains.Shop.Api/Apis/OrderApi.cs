using System.Security.Claims;
using Grains.Shop.Api.Authentication;
using Grains.Shop.Api.GrainCalls;
using Grains.Shop.Contracts.Carts;
using Grains.Shop.Contracts.Orders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grains.Shop.Api.Apis;

public static class OrderApi
{
    public static RouteGroupBuilder MapOrderApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/orders").WithTags("Orders")
            .RequireSession().CallsGrains();
        group.MapGet("/", ListOrdersAsync)
            .WithName("listOrders")
            .WithSummary("List the user's orders")
            .WithDescription("Returns the orders of the token's user, newest first. An order is listed as soon as its checkout was answered.");
        return group;
    }

    /// <summary>Asks the cart grain, which also reports orders it has not yet handed to the orders grain.</summary>
    public static async Task<Ok<IReadOnlyList<Order>>> ListOrdersAsync(ClaimsPrincipal user, ShopGrains grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return TypedResults.Ok(await grains.Cart(user.GetUserId()).GetOrdersAsync());
    }
}
