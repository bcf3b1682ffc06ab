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
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGatewayHealthChecks();
        app.MapOperatorTools();
        app.MapForwarded("/api/{**rest}");
        app.MapForwarded("/openapi/{**rest}");
        return app;
    }
}
