using Grains.Redis;
using Grains.Runtime.Activation;
using Grains.Runtime.Membership;

namespace Grains.Chaos.Checking;

/// <summary>
/// Checks single activation from the activation journal: silos journal each activation before it serves and again
/// before it unregisters, on the Redis server's clock, so no two intervals of one grain may overlap.
/// </summary>
public static class ActivationChecker
{
    private const int MaxListed = 50;

    public static ActivationCheck Check(IReadOnlyList<JournaledActivation> journal, IReadOnlyList<MembershipEntry> members, long runEnd) =>
        Check(Intervals(journal, members, runEnd));

    /// <summary>Checks intervals made by <see cref="Intervals"/>.</summary>
    public static ActivationCheck Check(IReadOnlyList<ActivationInterval> intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        var duplicates = new List<string>();
        var count = 0;
        foreach (var grain in intervals.GroupBy(i => i.Grain))
        {
            ActivationInterval? live = null;
            foreach (var interval in grain.OrderBy(i => i.Start).ThenBy(i => i.End))
            {
                if (live is not null && interval.Start < live.End)
                {
                    count++;
                    if (duplicates.Count < MaxListed)
                    {
                        duplicates.Add($"{grain.Key}: activation {interval.ActivationId} on {interval.SiloName ?? interval.SiloId} started at {interval.Start} while {live.ActivationId} on {live.SiloName ?? live.SiloId} was live until {live.End}");
                    }
                }

                if (live is null || interval.End > live.End)
                {
                    live = interval;
                }
            }
        }

        return new ActivationCheck(intervals.Count, intervals.Select(i => i.Grain).Distinct().Count(), count, duplicates);
    }

    /// <summary>Every activation's interval; the end of a silo's activations is capped by its death, and by <paramref name="runEnd"/> while it lives.</summary>
    public static IReadOnlyList<ActivationInterval> Intervals(IReadOnlyList<JournaledActivation> journal, IReadOnlyList<MembershipEntry> members, long runEnd)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(members);
        var silos = members.ToDictionary(m => m.Silo.Id, StringComparer.Ordinal);
        var ends = journal.Where(e => e.Kind == ActivationEventKind.Deactivated)
            .GroupBy(e => e.ActivationId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(e => e.Time.ToUnixTimeMilliseconds()), StringComparer.Ordinal);
        var result = new List<ActivationInterval>();
        foreach (var start in journal.Where(e => e.Kind == ActivationEventKind.Activated))
        {
            var silo = silos.GetValueOrDefault(start.Silo.Id);
            var death = silo is { Status: SiloStatus.Dead } ? silo.LastHeartbeat.ToUnixTimeMilliseconds() : runEnd;
            var end = Math.Min(ends.TryGetValue(start.ActivationId, out var recorded) ? recorded : death, death);
            result.Add(new ActivationInterval(start.Grain, start.ActivationId, start.Silo.Id, silo?.Name, start.Time.ToUnixTimeMilliseconds(), end));
        }

        return result;
    }
}
