using System.Threading.RateLimiting;

namespace Grains.Shop.Api.RateLimiting;

/// <summary>
/// ASP.NET Core's global limiter sees every request: this one lets a request to a route without an
/// <see cref="AnonymousRoute"/> through at once, with no look-up or lock, and hands the others to
/// <paramref name="limiter"/>. So the routes that need a token pay nothing for the limits of those that do not.
/// </summary>
internal sealed class AnonymousRoutesLimiter(PartitionedRateLimiter<HttpContext> limiter) : PartitionedRateLimiter<HttpContext>
{
    public override RateLimiterStatistics? GetStatistics(HttpContext resource) =>
        AnonymousRateLimiting.RouteOf(resource) is null ? null : limiter.GetStatistics(resource);

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
        AnonymousRateLimiting.RouteOf(resource) is null ? PassedLease.Instance : limiter.AttemptAcquire(resource, permitCount);

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        AnonymousRateLimiting.RouteOf(resource) is null
            ? ValueTask.FromResult<RateLimitLease>(PassedLease.Instance)
            : limiter.AcquireAsync(resource, permitCount, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            limiter.Dispose();
        }

        base.Dispose(disposing);
    }
}
