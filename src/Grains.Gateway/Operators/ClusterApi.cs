using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Grains.Proxy.Telemetry;
using Grains.Shop.Contracts.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Grains.Gateway.Operators;

/// <summary>
/// The read-only cluster API of the operator tools, built on Orleans' management grain (<see cref="ClusterMonitor"/>):
/// silos, membership events and where each grain lives, and how many forwarded requests were served in-process. Ids and
/// counts only: no grain state.
/// </summary>
public static class ClusterApi
{
    /// <summary>The most grains <c>GET /api/cluster/grains</c> lists; <c>X-Total-Count</c> tells how many matched.</summary>
    public const int MaxGrainsListed = 10_000;

    public const string TotalCountHeader = "X-Total-Count";

    /// <summary>An event stream ends after this long; browsers reconnect by themselves.</summary>
    private static readonly TimeSpan s_streamLifetime = TimeSpan.FromHours(1);

    public static RouteGroupBuilder MapClusterApi(this IEndpointRouteBuilder app)
    {
        // Operator tools, not the shop's API: kept out of the OpenAPI document, which is the same with or without a key.
        var group = app.MapGroup("/api/cluster").WithTags("Cluster (operators)").ExcludeFromDescription().RequireAuthorization(OperatorServiceCollectionExtensions.PolicyName);
        group.MapGet("/", GetClusterAsync);
        group.MapGet("/grains", ListGrainsAsync);
        group.MapGet("/stream", Stream);
        return group;
    }

    public static async Task<Ok<ClusterView>> GetClusterAsync(ClusterMonitor monitor, MembershipTimeline timeline, ProxyMetrics proxy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(proxy);
        var sample = await monitor.GetSampleAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(ClusterViews.ToClusterView(sample, timeline.Events, Locality(proxy)));
    }

    public static async Task<Results<Ok<List<GrainView>>, ValidationProblem>> ListGrainsAsync(
        string? type, string? silo, string? userId, ClusterMonitor monitor, HttpResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        ArgumentNullException.ThrowIfNull(response);
        var errors = new Dictionary<string, string[]>();
        if (type is not null && !IsGrainType(type))
        {
            errors["type"] = ["type must be a grain type name: 1-64 characters of lower-case letters, digits and . _ -"];
        }

        if (silo is not null && !(silo.Length is > 0 and <= 64 && silo.All(c => c is > ' ' and <= '~')))
        {
            errors["silo"] = ["silo must be a silo name as the X-Silo header carries it: 1-64 visible ASCII characters"];
        }

        if (userId is not null && !UserIds.IsValid(userId))
        {
            errors["userId"] = [$"userId must be 1-{UserIds.MaxLength} characters of letters, digits and . _ - @"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var sample = await monitor.GetSampleAsync(cancellationToken).ConfigureAwait(false);
        var matches = ClusterViews.Grains(sample, type, silo, userId)
            .OrderBy(g => g.Silo, StringComparer.Ordinal).ThenBy(g => g.Type, StringComparer.Ordinal).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        response.Headers[TotalCountHeader] = matches.Count.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Ok(matches.Count > MaxGrainsListed ? matches[..MaxGrainsListed] : matches);
    }

    /// <summary>Server-sent events: a <see cref="PlacementFrame"/> every <see cref="OperatorOptions.StreamInterval"/>.</summary>
    public static ServerSentEventsResult<PlacementFrame> Stream(
        ClusterMonitor monitor, MembershipTimeline timeline, ProxyMetrics proxy, IOptions<OperatorOptions> options, TimeProvider time,
        IHostApplicationLifetime lifetime, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return TypedResults.ServerSentEvents(
            Frames(monitor, timeline, proxy, options.Value.StreamInterval, time, lifetime.ApplicationStopping, loggers.CreateLogger(typeof(ClusterApi)), cancellationToken),
            eventType: "frame");
    }

    private static LocalityView Locality(ProxyMetrics proxy) => new(proxy.InProcess, proxy.Remote);

    private static async IAsyncEnumerable<PlacementFrame> Frames(
        ClusterMonitor monitor, MembershipTimeline timeline, ProxyMetrics proxy, TimeSpan interval, TimeProvider time, CancellationToken stopping, ILogger logger,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, cancellationToken);
        linked.CancelAfter(s_streamLifetime);
        var token = linked.Token;
        while (!token.IsCancellationRequested)
        {
            if (await TryFrameAsync(monitor, timeline, proxy, logger, token).ConfigureAwait(false) is { } frame)
            {
                yield return frame;
            }

            try
            {
                await Task.Delay(interval, time, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }

    private static async Task<PlacementFrame?> TryFrameAsync(ClusterMonitor monitor, MembershipTimeline timeline, ProxyMetrics proxy, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            var sample = await monitor.GetSampleAsync(cancellationToken).ConfigureAwait(false);
            var grains = ClusterViews.Grains(sample, type: null, silo: null, userId: null).ToList();
            var stride = (grains.Count + ClusterMonitor.MaxGrainsPerFrame - 1) / ClusterMonitor.MaxGrainsPerFrame;
            var shown = stride <= 1 ? grains : [.. grains.Where(g => (uint)StringComparer.Ordinal.GetHashCode(g.Key) % stride == 0)];
            return new PlacementFrame(sample.At, ClusterViews.ToClusterView(sample, timeline.Events, Locality(proxy)), shown, grains.Count, stride > 1);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failover or a gateway not yet connected: the page keeps its last frame and says how old it is.
            OperatorLog.FrameSkipped(logger, ex.GetType().Name);
            return null;
        }
    }

    private static bool IsGrainType(string type) =>
        type.Length is > 0 and <= 64 && type.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-');
}
