using System.Globalization;
using System.Net;
using Grains.Hosting.Http;
using Grains.Proxy.Backends;
using Grains.Proxy.Routing;
using Grains.Proxy.Telemetry;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace Grains.Proxy.Forwarding;

/// <summary>
/// Forwards a request with YARP's <see cref="IHttpForwarder"/> to the backend the <see cref="IBackendPolicy"/> ranks
/// first, and on to the next choices when that is safe:
/// <list type="bullet">
/// <item>a backend that refuses the connection did not get the request: the next choice gets it at once;</item>
/// <item>one that got it and failed, or departed while it ran (a silo declared dead), may or may not have acted on it:
/// the next choice gets it only when the request is safe to repeat (<see cref="RequestRetry.IsSafe"/>);</item>
/// <item>past <see cref="ProxyOptions.RetryBudget"/>, or when repeating is not safe, the answer is 503 with
/// <c>Retry-After</c>, as a ProblemDetails.</item>
/// </list>
/// The body is held in memory (at most <see cref="ProxyOptions.MaxRequestBodyBytes"/>) so that it can be sent again.
/// </summary>
public sealed partial class RequestForwarder : IDisposable
{
    private readonly IHttpForwarder _forwarder;
    private readonly IBackendSource _source;
    private readonly IBackendPolicy _policy;
    private readonly ProxyOptions _options;
    private readonly ProxyMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<RequestForwarder> _logger;
    private readonly HttpMessageInvoker _client;
    private readonly ForwarderRequestConfig _config;
    private readonly ForwardingTransformer _transformer;

    public RequestForwarder(
        IHttpForwarder forwarder,
        IBackendSource source,
        IBackendPolicy policy,
        IOptions<ProxyOptions> options,
        ProxyMetrics metrics,
        TimeProvider time,
        ILogger<RequestForwarder> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _forwarder = forwarder;
        _source = source;
        _policy = policy;
        _options = options.Value;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _transformer = new ForwardingTransformer(metrics);
        // HTTP/1.1 to the backends: on a private network without TLS there is nothing to negotiate.
        _config = new ForwarderRequestConfig
        {
            ActivityTimeout = _options.RequestTimeout,
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        _client = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            ActivityHeadersPropagator = null,
            // A backend whose host is gone does not refuse, it stays silent: give up on the connection soon.
            ConnectTimeout = TimeSpan.FromSeconds(2),
            MaxConnectionsPerServer = _options.MaxConnectionsPerBackend,
        });
    }

    public async Task ForwardAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!await HoldBodyAsync(context).ConfigureAwait(false))
        {
            await new Problem(StatusCodes.Status413PayloadTooLarge, "Payload Too Large", $"The request body is larger than the gateway accepts ({_options.MaxRequestBodyBytes} bytes).")
                .WriteAsync(context).ConfigureAwait(false);
            return;
        }

        var safe = RequestRetry.IsSafe(context.Request);
        var started = _time.GetTimestamp();
        var tried = new HashSet<Backend>();
        for (var round = 0; ; )
        {
            if (Next(context, tried) is not { } backend)
            {
                // Every routable backend was tried (or there is none): wait for the cluster to change, within the budget.
                var pause = TimeSpan.FromMilliseconds(Math.Min(50 << Math.Min(round++, 4), 500));
                if (_time.GetElapsedTime(started) + pause >= _options.RetryBudget)
                {
                    await UnavailableAsync(context, "No server accepted the request. Retry after the time given in Retry-After.").ConfigureAwait(false);
                    return;
                }

                await Task.Delay(pause, _time, context.RequestAborted).ConfigureAwait(false);
                tried.Clear();
                continue;
            }

            tried.Add(backend);
            var failure = await SendAsync(context, backend).ConfigureAwait(false);
            if (failure is Failure.None or Failure.ClientGone or Failure.ResponseStarted)
            {
                return;
            }

            if (failure == Failure.NotSent)
            {
                backend.Refused(_time.GetTimestamp() + (long)(_options.RefusalPenalty.TotalSeconds * _time.TimestampFrequency));
                LogRefused(_logger, backend);
                _metrics.Retried("refused");
                continue;
            }

            // Sent, but no answer: repeat it only when that is harmless and there is time.
            LogNoAnswer(_logger, backend, context.Request.Method, context.Request.Path);
            if (!safe || _time.GetElapsedTime(started) >= _options.RetryBudget)
            {
                await UnavailableAsync(context, "The server failed while it handled the request; it may or may not have taken effect. Retry after the time given in Retry-After, with the same Idempotency-Key if it had one.").ConfigureAwait(false);
                return;
            }

            _metrics.Retried("unknown");
        }
    }

    public void Dispose() => _client.Dispose();

    /// <summary>The first backend of the request's ranking not tried yet; one that refused lately comes after the others.</summary>
    private Backend? Next(HttpContext context, HashSet<Backend> tried)
    {
        var backends = _source.Routable;
        if (backends.Count == 0)
        {
            return null;
        }

        var now = _time.GetTimestamp();
        Backend? refusing = null;
        foreach (var index in _policy.Rank(context, backends))
        {
            var backend = backends[index];
            if (tried.Contains(backend))
            {
                continue;
            }

            if (!backend.IsRefusing(now))
            {
                return backend;
            }

            refusing ??= backend;
        }

        return refusing;
    }

    private async Task<Failure> SendAsync(HttpContext context, Backend backend)
    {
        // A previous attempt may have set a status and headers, read the body and left its error.
        context.Response.Clear();
        if (context.Request.Body.CanSeek)
        {
            context.Request.Body.Position = 0;
        }

        context.Features.Set<IForwarderErrorFeature>(null);

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, backend.Departed);
        var error = await _forwarder.SendAsync(context, backend.Url.AbsoluteUri, _client, _config, _transformer, attempt.Token).ConfigureAwait(false);
        if (error == ForwarderError.None)
        {
            return Failure.None;
        }

        if (context.RequestAborted.IsCancellationRequested)
        {
            return Failure.ClientGone;
        }

        if (context.Response.HasStarted)
        {
            return Failure.ResponseStarted;
        }

        var exception = context.Features.Get<IForwarderErrorFeature>()?.Exception;
        return error == ForwarderError.Request && exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }
            ? Failure.NotSent
            : Failure.OutcomeUnknown;
    }

    /// <summary>Reads the body into memory, so that it can be sent again; false when it is over the limit.</summary>
    private async Task<bool> HoldBodyAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength > _options.MaxRequestBodyBytes)
        {
            return false;
        }

        if (request.ContentLength == 0 || context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            // A GET, or an empty body: nothing to hold.
            return true;
        }

        var body = new MemoryStream();
        context.Response.RegisterForDispose(body);
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (body.Length + read > _options.MaxRequestBodyBytes)
            {
                return false;
            }

            body.Write(chunk, 0, read);
        }

        request.Body = body;
        return true;
    }

    private Task UnavailableAsync(HttpContext context, string detail)
    {
        _metrics.Unavailable();
        context.Response.Clear();
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(_options.UnavailableRetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return new Problem(StatusCodes.Status503ServiceUnavailable, "Service Unavailable", detail, RetryLater: true).WriteAsync(context);
    }

    [LoggerMessage(1, LogLevel.Information, "{Backend} refused the connection; the request goes to the next choice.")]
    private static partial void LogRefused(ILogger logger, Backend backend);

    [LoggerMessage(2, LogLevel.Warning, "{Backend} did not answer {Method} {Path}; its outcome is unknown.")]
    private static partial void LogNoAnswer(ILogger logger, Backend backend, string method, string path);

    private enum Failure
    {
        None,
        ClientGone,
        ResponseStarted,
        NotSent,
        OutcomeUnknown,
    }
}
