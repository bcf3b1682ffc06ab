using Grains.Chaos.Nemesis;
using Grains.Chaos.Workload;

namespace Grains.Chaos.Checking;

/// <summary>Failover times of the silo faults, from the activation journal (which grains lived where) and the history (when they answered again).</summary>
public static class FailoverMeasure
{
    private const long MicrosecondsPerMillisecond = 1000;

    /// <summary>Grain types whose every user operation depends on them (the gateway checks the session, then calls the cart).</summary>
    private static readonly HashSet<string> s_userGrainTypes = new(["session", "cart"], StringComparer.Ordinal);

    public static IReadOnlyList<FailoverSample> Measure(
        IReadOnlyList<Fault> faults,
        IReadOnlyList<ActivationInterval> activations,
        IReadOnlyList<Operation> history,
        IReadOnlyDictionary<string, string> sessionUsers)
    {
        ArgumentNullException.ThrowIfNull(faults);
        ArgumentNullException.ThrowIfNull(activations);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(sessionUsers);
        var byUser = history.Where(o => o.Outcome == Outcome.Ok).GroupBy(o => o.User, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(o => o.InvokedAt).ToList(), StringComparer.Ordinal);
        var samples = new List<FailoverSample>();
        foreach (var fault in faults.Where(f => f.Kind is FaultKind.Kill or FaultKind.Terminate or FaultKind.Pause))
        {
            var affected = LiveAt(activations, fault.StartedAt * MicrosecondsPerMillisecond)
                .Where(a => a.Silo == fault.Target)
                .ToList();
            var users = affected
                .Select(a => a.GrainType == "session" ? sessionUsers.GetValueOrDefault(a.GrainKey) : a.GrainKey)
                .OfType<string>()
                .Where(byUser.ContainsKey)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            long? worst = users.Count == 0 ? null : 0;
            foreach (var user in users)
            {
                var answered = byUser[user].FirstOrDefault(o => o.InvokedAt >= fault.StartedAt);
                if (answered is null)
                {
                    worst = null;
                    break;
                }

                worst = Math.Max(worst!.Value, answered.CompletedAt - fault.StartedAt);
            }

            samples.Add(new FailoverSample(fault.Number, fault.Kind, fault.Target, affected.Count, users.Count, worst));
        }

        return samples;
    }

    /// <summary>
    /// Of each session and cart grain, its latest activation started by <paramref name="time"/>. The journal records no
    /// deactivations, but no grain of the workload is idle long enough to be collected, so this activation still held
    /// the grain then.
    /// </summary>
    private static IEnumerable<ActivationInterval> LiveAt(IReadOnlyList<ActivationInterval> activations, long time) =>
        activations
            .Where(a => a.Start <= time && s_userGrainTypes.Contains(a.GrainType))
            .GroupBy(a => a.Grain, StringComparer.Ordinal)
            .Select(g => g.MaxBy(a => a.Start)!);
}
