using Grains.Shop.Api.GrainCalls;
using Grains.Shop.Api.RateLimiting;
using Grains.Shop.Contracts.Products;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grains.Shop.Api.Apis;

public static class ProductApi
{
    public static RouteGroupBuilder MapProductApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/products").WithTags("Products").CallsGrains().AllowAnonymous()
            .RequireAnonymousRateLimit(AnonymousRoute.Read);
        group.MapGet("/", ListProductsAsync)
            .WithName("listProducts")
            .WithSummary("List the products")
            .WithDescription("Returns the product catalog: every SKU a cart accepts, with its name and unit price. Needs no token; limited per client address and in total (`Api:AnonymousRateLimit`).");
        return group;
    }

    public static async Task<Ok<IReadOnlyList<Product>>> ListProductsAsync(ShopGrains grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return TypedResults.Ok(await grains.Catalog().ListAsync());
    }
}
