using System.Globalization;

namespace Grains.Silo.ActivationJournal;

/// <summary>
/// One line of an activation journal: an activation began serving (<see cref="ActivationJournalEntryKind.Started"/>), or
/// released the answer to a call (<see cref="ActivationJournalEntryKind.Answered"/>). Times are microseconds of the
/// machine's wall clock since the Unix epoch.
/// </summary>
public sealed record ActivationJournalEntry(ActivationJournalEntryKind Kind, long Time, string Silo, string Activation, string? Grain)
{
    /// <summary><c>S time silo activation grain</c> or <c>A time silo activation</c>, space-separated.</summary>
    public string Format() => Kind == ActivationJournalEntryKind.Started
        ? string.Create(CultureInfo.InvariantCulture, $"S {Time} {Silo} {Activation} {Grain}")
        : string.Create(CultureInfo.InvariantCulture, $"A {Time} {Silo} {Activation}");

    /// <summary>Reads a line written by <see cref="Format"/>; null for anything else (a line cut short by a crash).</summary>
    public static ActivationJournalEntry? TryParse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var parts = line.Split(' ');
        if (parts.Length < 4 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var time))
        {
            return null;
        }

        return parts[0] switch
        {
            "S" when parts.Length == 5 => new(ActivationJournalEntryKind.Started, time, parts[2], parts[3], parts[4]),
            "A" when parts.Length == 4 => new(ActivationJournalEntryKind.Answered, time, parts[2], parts[3], null),
            _ => null,
        };
    }

    /// <summary>Every entry of every journal file in <paramref name="directory"/>.</summary>
    public static IReadOnlyList<ActivationJournalEntry> ReadAll(string directory) =>
        [.. System.IO.Directory.EnumerateFiles(directory, "*" + ActivationJournalWriter.FileExtension)
            .SelectMany(File.ReadLines)
            .Select(TryParse)
            .OfType<ActivationJournalEntry>()];
}
