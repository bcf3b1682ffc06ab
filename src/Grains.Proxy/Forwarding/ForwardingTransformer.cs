using Grains.Hosting.Http;
using Grains.Proxy.Telemetry;
using Yarp.ReverseProxy.Forwarder;

namespace Grains.Proxy.Forwarding;

/// <summary>
/// YARP's default request and response copying, plus: the client's address in <c>X-Forwarded-For</c> (and the scheme in
/// <c>X-Forwarded-Proto</c>), and the backend's <c>X-Locality</c> counted and taken off the answer.
/// </summary>
public sealed class ForwardingTransformer(ProxyMetrics metrics) : HttpTransformer
{
    private const string ForwardedFor = "X-Forwarded-For";
    private const string ForwardedProto = "X-Forwarded-Proto";

    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(proxyRequest);
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken).ConfigureAwait(false);
        // The backend believes the last address only, the one added here; what the client sent stays to its left. Without
        // a known peer (a Unix socket, an in-memory server) nothing is added, and the client's own header is not passed
        // on either, so that its last address is never one the client chose.
        var before = httpContext.Request.Headers[ForwardedFor].ToString();
        proxyRequest.Headers.Remove(ForwardedFor);
        if (httpContext.Connection.RemoteIpAddress is { } client)
        {
            proxyRequest.Headers.TryAddWithoutValidation(ForwardedFor, before.Length == 0 ? client.ToString() : $"{before}, {client}");
        }

        proxyRequest.Headers.Remove(ForwardedProto);
        proxyRequest.Headers.TryAddWithoutValidation(ForwardedProto, httpContext.Request.Scheme);
    }

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var copy = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken).ConfigureAwait(false);
        if (httpContext.Response.Headers.Remove(LocalityHeader.Name, out var locality))
        {
            metrics.Answered(locality.ToString());
        }

        return copy;
    }
}
