using Grains.Hosting.Admission;
using Grains.Gateway.Health;
using Grains.Gateway.Operators;
using Grains.Proxy.Hosting;

namespace Grains.Gateway.Hosting;

public static class GatewayApplicationExtensions
{
    /// <summary>
    /// Everything the gateway serves, behind its bound on concurrent requests: its health, the operator tools when an operator key is set, and every other
    /// <c>/api</c> and <c>/openapi</c> request forwarded to a silo. Its own routes are more specific than the forwarded
    /// ones, so they win.
    /// </summary>
    public static WebApplication UseGateway(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAdmissionControl();

        // Authentication runs only where a policy names its scheme: the operator scheme is no default (see
        // AddOperatorTools), so forwarded requests are not authenticated here; the silos check the shop's tokens.
        app.UseAuthorization();
        app.MapGatewayHealthChecks();
        app.MapOperatorTools();
        app.MapForwarded("/api/{**rest}");
        app.MapForwarded("/openapi/{**rest}");
        return app;
    }
}
