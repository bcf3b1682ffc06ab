using Grains.Shop.Api.Apis;
using Grains.Shop.Api.GrainCalls;
using Grains.Shop.Api.RateLimiting;

namespace Grains.Shop.Api.Hosting;

public static class ShopApiApplicationExtensions
{
    /// <summary>
    /// The API's middleware, in order, and its routes: sessions, products, the cart, orders, and the OpenAPI document.
    /// Call it before the host maps routes of its own (health); the benchmarks compose their variants host with it too.
    /// </summary>
    public static WebApplication UseShopApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseMiddleware<ServingSiloMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapOpenApi().RequireAnonymousRateLimit(AnonymousRoute.Read);
        app.MapSessionApi();
        app.MapProductApi();
        app.MapCartApi();
        app.MapOrderApi();
        return app;
    }
}
