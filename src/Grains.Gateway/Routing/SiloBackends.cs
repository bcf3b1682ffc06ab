using Grains.Hosting.Cluster;
using Grains.Hosting.Redis;
using Grains.Gateway.Hosting;
using Grains.Proxy.Backends;
using Microsoft.Extensions.Options;

namespace Grains.Gateway.Routing;

/// <summary>
/// The silos the gateway may send requests to, reread from Redis every <see cref="GatewayOptions.SiloListRefreshPeriod"/>
/// (<see cref="ClusterRoster"/>): active in the membership table, serving HTTP, and not draining. A silo that drains
/// (stopping gracefully) gets no new requests, but finishes those it has. A silo declared dead, or gone from the table,
/// departs: the requests still waiting for it are abandoned and, when safe, sent to the user's next choice.
/// </summary>
public sealed partial class SiloBackends(
    SharedRedis redis,
    IOptions<ClusterIdentityOptions> cluster,
    IOptions<GatewayOptions> options,
    ILogger<SiloBackends> logger) : BackgroundService, IBackendSource
{
    private readonly Dictionary<string, Backend> _known = new(StringComparer.Ordinal);
    private IReadOnlyList<Backend> _routable = [];
    private IReadOnlyList<RosterSilo> _silos = [];
    private long _changes;
    private bool _readFailed;

    public IReadOnlyList<Backend> Routable => Volatile.Read(ref _routable);

    /// <summary>Every silo of the membership table at the last read, with its HTTP endpoint.</summary>
    public IReadOnlyList<RosterSilo> Silos => Volatile.Read(ref _silos);

    /// <summary>How many times the set of routable silos has changed since the gateway started.</summary>
    public long Changes => Interlocked.Read(ref _changes);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var identity = cluster.Value;
        var roster = new ClusterRoster(await redis.GetAsync().ConfigureAwait(false), identity.EffectiveServiceId, identity.Id);
        using var timer = new PeriodicTimer(options.Value.SiloListRefreshPeriod);
        do
        {
            try
            {
                Apply(await roster.ReadAsync().WaitAsync(stoppingToken).ConfigureAwait(false));
                _readFailed = false;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Redis is restarting: keep routing by the last list and try again.
                if (!_readFailed)
                {
                    _readFailed = true;
                    LogReadFailed(logger, ex);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Updates the routable backends from a fresh read; departs those whose silo is dead or gone.</summary>
    internal void Apply(IReadOnlyList<RosterSilo> silos)
    {
        Volatile.Write(ref _silos, silos);
        var live = silos.Where(s => s.Status is MembershipStatus.Joining or MembershipStatus.Active or MembershipStatus.ShuttingDown or MembershipStatus.Stopping)
            .Select(s => s.Address)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _known.Keys.Where(address => !live.Contains(address)).ToList())
        {
            LogDeparted(logger, _known[gone]);
            _known[gone].Depart();
            _known.Remove(gone);
        }

        var routable = new List<Backend>();
        foreach (var silo in silos.Where(s => s.IsRoutable))
        {
            if (!_known.TryGetValue(silo.Address, out var backend) || backend.Url != silo.Http!.Url)
            {
                backend = new Backend(silo.Key, silo.Http!.Url, silo.Http.Name);
                _known[silo.Address] = backend;
            }

            routable.Add(backend);
        }

        var previous = Routable;
        if (previous.Count != routable.Count || previous.Except(routable).Any())
        {
            Interlocked.Increment(ref _changes);
            Volatile.Write(ref _routable, routable);
            LogRoutable(logger, routable.Count, string.Join(", ", routable.Select(b => b.Name)));
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Could not read the cluster's silos; routing by the last list.")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(2, LogLevel.Information, "{Count} silos take requests: {Names}.")]
    private static partial void LogRoutable(ILogger logger, int count, string names);

    [LoggerMessage(3, LogLevel.Information, "{Backend} left the cluster; requests still waiting for it are abandoned.")]
    private static partial void LogDeparted(ILogger logger, Backend backend);
}
