using Grains.Gateway.Apis;
using Grains.Gateway.Health;
using Grains.Gateway.Operators;

namespace Grains.Gateway.Hosting;

public static class GatewayApplicationExtensions
{
    /// <summary>
    /// The gateway's middleware, in order, and every route it serves: the shop's API, health, the OpenAPI document,
    /// and the operator tools when an operator key is set. The benchmarks compose their variants host with it too.
    /// </summary>
    public static WebApplication UseGateway(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapOpenApi();
        app.MapGatewayHealthChecks();
        app.MapSessionApi();
        app.MapProductApi();
        app.MapCartApi();
        app.MapOrderApi();
        app.MapOperatorTools();
        return app;
    }
}
