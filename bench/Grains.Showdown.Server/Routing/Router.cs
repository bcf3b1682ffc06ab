using System.Net.Sockets;
using Grains.Showdown.Server.Hosting;
using Microsoft.Extensions.Options;
using SessionTokens = Grains.Showdown.Server.Sessions.SessionTokens;

namespace Grains.Showdown.Server.Routing;

/// <summary>
/// The front of two API servers. Sticky: a request goes to the server named in its token (stateful servers put
/// their route in front of their tokens), and a sign-in, which has no token yet, round-robin. Otherwise every request
/// round-robin. A server that refuses a connection did not get the request, so it is sent to the next server and the
/// refusing one is skipped for a second; a request that failed after it was sent is answered 502, as its outcome is
/// unknown.
/// </summary>
public sealed partial class Router
{
    private static readonly TimeSpan s_skipAfterRefusal = TimeSpan.FromSeconds(1);
    private static readonly HashSet<string> s_hopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Host", "Proxy-Connection", "TE", "Trailer",
    };

    private readonly RouterBackend[] _backends;
    private readonly bool _sticky;
    private readonly HttpClient _client;
    private readonly TimeProvider _time;
    private readonly ILogger<Router> _logger;
    private int _next;

    public Router(IOptions<ServerOptions> options, IHttpClientFactory clients, TimeProvider time, ILogger<Router> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clients);
        _backends = [.. options.Value.Backends.Select(b => RouterBackend.TryParse(b, out var route, out var address)
            ? new RouterBackend(route, address)
            : throw new InvalidOperationException("Showdown:Backends holds an entry that is not 'route=http://host:port'."))];
        _sticky = options.Value.Sticky;
        _client = clients.CreateClient(nameof(Router));
        _time = time;
        _logger = logger;
    }

    public async Task ForwardAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Bodies here are a few hundred bytes; holding them lets a refused request go to the next server.
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var first = FirstChoice(context.Request);
        for (var i = 0; i < _backends.Length; i++)
        {
            var backend = _backends[(first + i) % _backends.Length];
            if (i < _backends.Length - 1 && backend.IsSkipped(_time.GetTimestamp()))
            {
                continue;
            }

            using var request = CreateRequest(context.Request, backend, body.ToArray());
            HttpResponseMessage response;
            try
            {
                response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
            }
            catch (HttpRequestException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                backend.SkipUntil(_time.GetTimestamp() + (long)(s_skipAfterRefusal.TotalSeconds * _time.TimestampFrequency));
                LogRefused(_logger, backend.Route);
                continue;
            }
            catch (HttpRequestException ex)
            {
                LogFailed(_logger, backend.Route, ex.HttpRequestError);
                await WriteProblemAsync(context, StatusCodes.Status502BadGateway, "The server failed while it handled the request; its outcome is unknown.");
                return;
            }

            using (response)
            {
                await CopyResponseAsync(response, context);
            }

            return;
        }

        await WriteProblemAsync(context, StatusCodes.Status503ServiceUnavailable, "No server accepted the request.");
    }

    private int FirstChoice(HttpRequest request)
    {
        if (_sticky && SessionTokens.RouteOf(SessionTokens.FromHeader(request.Headers.Authorization)) is { } route)
        {
            var index = Array.FindIndex(_backends, b => string.Equals(b.Route, route, StringComparison.Ordinal));
            if (index >= 0)
            {
                return index;
            }
        }

        return (int)((uint)Interlocked.Increment(ref _next) % (uint)_backends.Length);
    }

    private static HttpRequestMessage CreateRequest(HttpRequest incoming, RouterBackend backend, byte[] body)
    {
        var request = new HttpRequestMessage(new HttpMethod(incoming.Method), new Uri(backend.Address, $"{incoming.Path}{incoming.QueryString}"));
        if (body.Length > 0 || incoming.ContentLength is not null)
        {
            request.Content = new ByteArrayContent(body);
        }

        foreach (var (name, values) in incoming.Headers)
        {
            if (!s_hopByHop.Contains(name) && !request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        return request;
    }

    private static async Task CopyResponseAsync(HttpResponseMessage response, HttpContext context)
    {
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!s_hopByHop.Contains(name))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    private static Task WriteProblemAsync(HttpContext context, int status, string detail) =>
        TypedResults.Problem(statusCode: status, detail: detail).ExecuteAsync(context);
}
