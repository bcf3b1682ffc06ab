using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Grains.Benchmarks.HttpGateway;

/// <summary>
/// The yardstick: Kestrel with routing and one endpoint, <c>GET /api/cart</c>, that writes fixed bytes (the JSON the
/// gateway returned for the cart) with the same content type. No middleware, no Orleans, no logging.
/// </summary>
internal static class BareEndpoint
{
    public static WebApplication Create(string url, byte[] body)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls(url);
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.MapGet(GatewayTargets.CartPath, context => WriteAsync(context, body));
        return app;
    }

    /// <summary>Writes the bytes as the gateway's JSON results are written: status 200, JSON content type, known length.</summary>
    public static Task WriteAsync(HttpContext context, byte[] body)
    {
        var response = context.Response;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}
