using Grains.Shop.Contracts.Sessions;

namespace Grains.Gateway.Operators;

/// <summary>Turns a <see cref="ClusterSample"/> into what the operator API shows: names, statuses, counts and ids, nothing more.</summary>
public static class ClusterViews
{
    /// <summary>Dead silos stay listed this long after their last heartbeat (the membership table keeps them for days).</summary>
    public static readonly TimeSpan DeadSilosShownFor = TimeSpan.FromHours(1);

    public static ClusterView ToClusterView(ClusterSample sample, IReadOnlyList<MembershipEvent> events, LocalityView locality)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var counts = sample.Grains
            .GroupBy(g => g.SiloAddress)
            .ToDictionary(
                silo => silo.Key,
                silo => (IReadOnlyDictionary<string, int>)silo.GroupBy(g => g.GrainId.Type.ToString()!, StringComparer.Ordinal)
                    .OrderBy(type => type.Key, StringComparer.Ordinal)
                    .ToDictionary(type => type.Key, type => type.Count(), StringComparer.Ordinal));
        var shownSince = sample.At - DeadSilosShownFor;
        var silos = sample.Hosts
            .Where(h => StatusOf(h.Status) is not null && (h.Status != SiloStatus.Dead || Utc(h.IAmAliveTime) >= shownSince))
            .OrderBy(h => h.SiloName, StringComparer.Ordinal)
            .ThenBy(h => h.StartTime)
            .Select(h => new SiloView(
                h.SiloName,
                h.SiloAddress.Endpoint.ToString(),
                StatusOf(h.Status)!,
                Utc(h.StartTime),
                counts.GetValueOrDefault(h.SiloAddress) ?? new Dictionary<string, int>()))
            .ToList();
        return new ClusterView(silos, events, locality);
    }

    /// <summary>
    /// The sample's grains that match every filter given, each named by the silo that hosts it. <paramref name="userId"/>
    /// matches every grain of that user: its cart and orders (keyed by the user id) and its sessions (<c>{userId}/{sessionId}</c>).
    /// </summary>
    public static IEnumerable<GrainView> Grains(ClusterSample sample, string? type, string? silo, string? userId)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var names = sample.Hosts.ToDictionary(h => h.SiloAddress, h => h.SiloName);
        return sample.Grains
            .Select(g => new GrainView(g.GrainId.Type.ToString()!, g.GrainId.Key.ToString()!, names.GetValueOrDefault(g.SiloAddress) ?? g.SiloAddress.ToString()))
            .Where(g => (type is null || g.Type == type) && (silo is null || g.Silo == silo)
                && (userId is null || UserGrainKeys.UserOf(g.Key).SequenceEqual(userId)));
    }

    /// <summary>The status names of the API; null for rows that are not a silo's life yet (none, created).</summary>
    public static string? StatusOf(SiloStatus status) => status switch
    {
        SiloStatus.Joining => "joining",
        SiloStatus.Active => "active",
        SiloStatus.ShuttingDown or SiloStatus.Stopping => "shuttingDown",
        SiloStatus.Dead => "dead",
        _ => null,
    };

    internal static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
