using Grains.Chaos.Nemesis;
using Grains.Chaos.Workload;

namespace Grains.Chaos.Checking;

/// <summary>
/// Availability overall, during each kind of fault and with no fault under way. An operation counts as during a fault
/// when it was under way at any moment from the fault's injection until the cluster was healthy again.
/// </summary>
public static class AvailabilityMeasure
{
    public const string Overall = "overall";
    public const string Calm = "no fault";

    public static IReadOnlyList<Availability> Measure(IReadOnlyList<Operation> history, IReadOnlyList<Fault> faults)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(faults);
        var result = new List<Availability> { Of(Overall, history) };
        var windows = faults.Select(f => (f.Kind, Start: f.StartedAt, End: f.HealthyAt ?? f.HealedAt ?? long.MaxValue)).ToList();
        foreach (var kind in faults.Select(f => f.Kind).Distinct().Order())
        {
            var mine = windows.Where(w => w.Kind == kind).ToList();
            result.Add(Of($"during {kind}", history.Where(o => mine.Any(w => Overlaps(o, w.Start, w.End)))));
        }

        result.Add(Of(Calm, history.Where(o => !windows.Any(w => Overlaps(o, w.Start, w.End)))));
        return result;
    }

    private static bool Overlaps(Operation operation, long start, long end) => operation.InvokedAt <= end && operation.CompletedAt >= start;

    private static Availability Of(string period, IEnumerable<Operation> operations)
    {
        int ok = 0, fail = 0, info = 0;
        foreach (var operation in operations)
        {
            switch (operation.Outcome)
            {
                case Outcome.Ok: ok++; break;
                case Outcome.Fail: fail++; break;
                default: info++; break;
            }
        }

        return new Availability(period, ok + fail + info, ok, fail, info);
    }
}
