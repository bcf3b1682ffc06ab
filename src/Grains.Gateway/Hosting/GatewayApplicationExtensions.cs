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

        // No UseAuthentication: with one scheme registered it would become the default and run the operator handler on
        // every forwarded request (measured at a few µs each, a SHA-256 among them). The operator routes' policy names
        // its scheme, so authorization authenticates those requests, and only those; the silos check the shop's tokens.
        app.UseAuthorization();
        app.MapGatewayHealthChecks();
        app.MapOperatorTools();
        app.MapForwarded("/api/{**rest}");
        app.MapForwarded("/openapi/{**rest}");
        return app;
    }
}
