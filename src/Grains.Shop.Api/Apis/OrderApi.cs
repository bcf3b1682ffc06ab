using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Grains.Shop.Api.Authentication;
using Grains.Shop.Api.GrainCalls;
using Grains.Shop.Contracts.Orders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Grains.Shop.Api.Apis;

/// <summary>
/// The token's user's orders, a page at a time, newest first: a list object with the page's orders, whether more
/// follow, and an opaque cursor for the next page (<see cref="OrderCursors"/>).
/// </summary>
public static class OrderApi
{
    public static RouteGroupBuilder MapOrderApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/orders").WithTags("Orders")
            .RequireSession().CallsGrains();
        group.MapGet("/", ListOrdersAsync)
            .WithName("listOrders")
            .WithSummary("List the user's orders")
            .WithDescription($"Returns a page of the token's user's orders, newest first: `data`, `hasMore`, and `nextCursor`, which asks for the next, older page when sent as `cursor`, and is null on the last page. An order is listed as soon as its checkout was answered. Orders checked out while a client pages are not in its later pages, and no order is skipped or listed twice: a cursor marks a place in the history that never moves. `limit` is 1 to {OrderListLimits.MaxLimit} ({OrderListLimits.DefaultLimit} by default).");
        return group;
    }

    /// <summary>Asks the cart grain, which also reports orders it has not yet handed to the orders grain.</summary>
    public static async Task<Results<Ok<OrderList>, ValidationProblem>> ListOrdersAsync(
        ClaimsPrincipal user,
        ShopGrains grains,
        OrderCursors cursors,
        [FromQuery, Range(1, OrderListLimits.MaxLimit), Description("How many orders to return at most.")] int limit = OrderListLimits.DefaultLimit,
        [FromQuery, Description("The `nextCursor` of the previous page, unchanged; none for the first page.")] string? cursor = null)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(cursors);
        var userId = user.GetUserId();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!OrderListLimits.IsValidLimit(limit))
        {
            errors["limit"] = [$"limit must be from 1 to {OrderListLimits.MaxLimit}."];
        }

        var before = cursor is null ? null : cursors.Read(userId, cursor);
        if (cursor is not null && before is null)
        {
            errors["cursor"] = ["cursor must be the nextCursor of an earlier page of this user's orders, unchanged."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var slice = await grains.Cart(userId).ListOrdersAsync(new ListOrders(limit, before));
        return TypedResults.Ok(new OrderList(
            slice.Orders,
            slice.Next is not null,
            slice.Next is { } next ? cursors.Issue(userId, next) : null));
    }
}
