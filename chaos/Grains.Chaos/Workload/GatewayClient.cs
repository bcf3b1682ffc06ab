using System.Net.Http.Headers;

namespace Grains.Chaos.Workload;

/// <summary>
/// Sends requests to the gateways the way a load balancer in front of them would: each request starts at a random
/// gateway and moves on to the next one only when the connection is refused (nothing was sent, so moving on is safe).
/// A request that was sent and then lost its connection or timed out is not repeated: its outcome is unknown.
/// </summary>
public sealed class GatewayClient : IDisposable
{
    private readonly IReadOnlyList<Uri> _gateways;
    private readonly HttpClient _http;

    public GatewayClient(IReadOnlyList<Uri> gateways, TimeSpan requestTimeout)
    {
        ArgumentNullException.ThrowIfNull(gateways);
        _gateways = gateways;
        _http = new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(2),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            MaxConnectionsPerServer = 256,
        })
        {
            Timeout = requestTimeout,
        };
    }

    /// <summary>Sends a request built by <paramref name="build"/> for one gateway base address; returns the answer or why there was none.</summary>
    public async Task<(GatewayResponse? Response, RequestFailure? Failure)> SendAsync(Func<Uri, HttpRequestMessage> build, int start)
    {
        ArgumentNullException.ThrowIfNull(build);
        RequestFailure? failure = null;
        for (var i = 0; i < _gateways.Count; i++)
        {
            var gateway = _gateways[(start + i) % _gateways.Count];
            using var request = build(gateway);
            try
            {
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                var body = await response.Content.ReadAsStringAsync();
                var silo = response.Headers.TryGetValues("X-Silo", out var values) ? values.FirstOrDefault() : null;
                return (new GatewayResponse((int)response.StatusCode, silo, body, gateway.Authority), null);
            }
            catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.ConnectionError)
            {
                failure = new RequestFailure(Delivered: false, gateway.Authority, ex.Message);
            }
            catch (HttpRequestException ex)
            {
                return (null, new RequestFailure(Delivered: true, gateway.Authority, ex.Message));
            }
            catch (TaskCanceledException)
            {
                return (null, new RequestFailure(Delivered: true, gateway.Authority, $"no answer within {_http.Timeout.TotalSeconds:0.#} s"));
            }
        }

        return (null, failure);
    }

    public static HttpRequestMessage Request(HttpMethod method, Uri gateway, string path, string? token, string? idempotencyKey = null, HttpContent? content = null)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        var request = new HttpRequestMessage(method, new Uri(gateway, path)) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    public int GatewayCount => _gateways.Count;

    public void Dispose() => _http.Dispose();
}
