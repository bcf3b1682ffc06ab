using Grains.Silo.ActivationJournal;

namespace Grains.Silo.Tests.Processes;

/// <summary>
/// Reads activation journals for the one thing fencing must prevent: an answer released by an activation after a newer
/// activation of the same grain had started serving. Activations are ordered by their start lines; times are the one
/// wall clock of the machine every silo of a test runs on.
/// </summary>
public static class StaleAnswers
{
    /// <summary>One line per stale answer; empty when there is none.</summary>
    public static IReadOnlyList<string> Find(IEnumerable<ActivationJournalEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var all = entries.ToList();
        var starts = all.Where(e => e.Kind == ActivationJournalEntryKind.Started)
            .GroupBy(e => e.Activation, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var byGrain = starts.Values.ToLookup(s => s.Grain, StringComparer.Ordinal);

        var stale = new List<string>();
        foreach (var answer in all.Where(e => e.Kind == ActivationJournalEntryKind.Answered))
        {
            if (!starts.TryGetValue(answer.Activation, out var start))
            {
                // Its start line was torn by a crash: nothing to compare it with.
                continue;
            }

            foreach (var newer in byGrain[start.Grain].Where(s => s.Time > start.Time && s.Time < answer.Time))
            {
                stale.Add($"{start.Grain}: activation {answer.Activation} on {answer.Silo} answered at {answer.Time}, " +
                    $"{answer.Time - newer.Time} us after activation {newer.Activation} on {newer.Silo} started serving at {newer.Time}");
            }
        }

        return stale;
    }

    /// <summary>How many activations of each grain the journal shows.</summary>
    public static IReadOnlyDictionary<string, int> ActivationsPerGrain(IEnumerable<ActivationJournalEntry> entries) =>
        entries.Where(e => e.Kind == ActivationJournalEntryKind.Started)
            .GroupBy(e => e.Grain!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Activation).Distinct(StringComparer.Ordinal).Count(), StringComparer.Ordinal);
}
