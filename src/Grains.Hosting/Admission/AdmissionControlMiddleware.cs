using System.Globalization;
using System.Threading.RateLimiting;
using Grains.Hosting.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Grains.Hosting.Admission;

/// <summary>
/// Serves at most <see cref="AdmissionOptions.MaxConcurrentRequests"/> requests at once and answers the rest 503 with
/// <c>Retry-After</c> at once, as a ProblemDetails: work beyond what the cores can do would only wait in the thread
/// pool's queue, and make everything in it wait, the runtime's membership probes and lease renewals included. Health
/// checks are always admitted: an orchestrator must not take a busy process for a dead one.
/// </summary>
public sealed class AdmissionControlMiddleware : IDisposable
{
    private readonly RequestDelegate _next;
    private readonly AdmissionMetrics _metrics;
    private readonly ConcurrencyLimiter? _limiter;
    private readonly Problem _busy;
    private readonly string _retryAfter;

    public AdmissionControlMiddleware(RequestDelegate next, IOptions<AdmissionOptions> options, AdmissionMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(options);
        _next = next;
        _metrics = metrics;
        var settings = options.Value;
        _limiter = settings.Enabled
            ? new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = settings.MaxConcurrentRequests, QueueLimit = 0 })
            : null;
        _retryAfter = Math.Max(1, (int)Math.Ceiling(settings.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        _busy = new Problem(
            StatusCodes.Status503ServiceUnavailable, "Service Unavailable",
            "The server is serving as many requests as it can. Retry after the time given in Retry-After.", RetryLater: true);
    }

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_limiter is null || context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
        {
            await _next(context).ConfigureAwait(false);
            return;
        }

        using var lease = _limiter.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            _metrics.Refused();
            context.Response.Headers.RetryAfter = _retryAfter;
            await _busy.WriteAsync(context).ConfigureAwait(false);
            return;
        }

        await _next(context).ConfigureAwait(false);
    }

    public void Dispose() => _limiter?.Dispose();
}
