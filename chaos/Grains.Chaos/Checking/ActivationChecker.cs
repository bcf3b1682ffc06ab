using System.Globalization;
using Grains.Silo.ActivationJournal;

namespace Grains.Chaos.Checking;

/// <summary>
/// Checks single activation from the silos' activation journals. Each silo writes a line when an activation starts
/// serving (before its first call runs) and one whenever an answer of it leaves (after the silo's lease was checked
/// again). An activation served from its start to its last answer; a grain had a duplicate activation when an
/// activation of it answered a call after another activation of it had started serving.
/// </summary>
/// <remarks>
/// The journal's times come from each silo's own wall clock. They can be compared across silos only because every
/// process of a chaos run runs on one machine and reads the same clock; across machines this check would need one
/// shared clock.
/// </remarks>
public static class ActivationChecker
{
    /// <summary>The catalog is a stateless worker: Orleans keeps an activation of it on every silo, by design.</summary>
    private const string StatelessCatalogType = "catalog";

    private const int MaxListed = 50;

    /// <summary>Whether Orleans must keep at most one activation of <paramref name="grain"/> (<c>type/key</c>) at a time.</summary>
    public static bool HasSingleActivation(string grain)
    {
        ArgumentNullException.ThrowIfNull(grain);
        return !string.Equals(grain.Split('/', 2)[0], StatelessCatalogType, StringComparison.Ordinal);
    }

    public static ActivationCheck Check(IEnumerable<ActivationJournalEntry> journal) => Check(Intervals(journal));

    /// <summary>Checks intervals made by <see cref="Intervals"/>.</summary>
    public static ActivationCheck Check(IReadOnlyList<ActivationInterval> intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        var duplicates = new List<string>();
        var count = 0;
        foreach (var grain in intervals.GroupBy(i => i.Grain, StringComparer.Ordinal))
        {
            // Of the activations started so far, the one whose last answer left latest.
            ActivationInterval? latest = null;
            foreach (var interval in grain.OrderBy(i => i.Start).ThenByDescending(i => i.LastAnswer ?? long.MinValue))
            {
                if (latest is { LastAnswer: { } answered } && answered > interval.Start)
                {
                    count++;
                    if (duplicates.Count < MaxListed)
                    {
                        duplicates.Add(
                            $"{grain.Key}: activation {interval.Activation} on {interval.Silo} started serving at {Time(interval.Start)} "
                            + $"and {latest.Activation} on {latest.Silo} (started {Time(latest.Start)}) still answered at {Time(answered)}");
                    }
                }

                if (interval.LastAnswer > (latest?.LastAnswer ?? long.MinValue))
                {
                    latest = interval;
                }
            }
        }

        return new ActivationCheck(intervals.Count, intervals.Select(i => i.Grain).Distinct(StringComparer.Ordinal).Count(), count, duplicates);
    }

    /// <summary>
    /// Every activation's interval, from its start line to its last answer line. Stateless workers are left out, and so
    /// are answers of an activation whose start line is missing (a journal cut short cannot place them).
    /// </summary>
    public static IReadOnlyList<ActivationInterval> Intervals(IEnumerable<ActivationJournalEntry> journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var entries = journal as IReadOnlyCollection<ActivationJournalEntry> ?? [.. journal];
        var lastAnswers = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var answer in entries.Where(e => e.Kind == ActivationJournalEntryKind.Answered))
        {
            lastAnswers[answer.Activation] = Math.Max(lastAnswers.GetValueOrDefault(answer.Activation, long.MinValue), answer.Time);
        }

        return
        [
            .. entries
                .Where(e => e is { Kind: ActivationJournalEntryKind.Started, Grain: { } grain } && HasSingleActivation(grain))
                .Select(e => new ActivationInterval(e.Grain!, e.Activation, e.Silo, e.Time,
                    lastAnswers.TryGetValue(e.Activation, out var last) ? last : null)),
        ];
    }

    private static string Time(long unixMicroseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks(unixMicroseconds * (TimeSpan.TicksPerMillisecond / 1000)).ToString("HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
}
