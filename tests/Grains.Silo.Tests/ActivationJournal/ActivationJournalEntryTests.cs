using Grains.Silo.ActivationJournal;

namespace Grains.Silo.Tests.ActivationJournal;

public sealed class ActivationJournalEntryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("grains-journal-").FullName;

    [Fact]
    public void A_start_line_reads_back_as_the_entry_it_was_written_from()
    {
        var entry = new ActivationJournalEntry(ActivationJournalEntryKind.Started, 1_764_000_000_123_456, "silo-1", "@a1b2c3", "cart/alice");

        Assert.Equal("S 1764000000123456 silo-1 @a1b2c3 cart/alice", entry.Format());
        Assert.Equal(entry, ActivationJournalEntry.TryParse(entry.Format()));
    }

    [Fact]
    public void An_answer_line_reads_back_as_the_entry_it_was_written_from()
    {
        var entry = new ActivationJournalEntry(ActivationJournalEntryKind.Answered, 1_764_000_000_123_457, "silo-2", "@a1b2c3", null);

        Assert.Equal("A 1764000000123457 silo-2 @a1b2c3", entry.Format());
        Assert.Equal(entry, ActivationJournalEntry.TryParse(entry.Format()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("S 1764000000123456 silo-1 @a1b2c3")]
    [InlineData("S 17640000001")]
    [InlineData("A 1764000000123457 silo-2")]
    [InlineData("A 1764000000123457 silo-2 @a1b2c3 extra")]
    [InlineData("A -5 silo-2 @a1b2c3")]
    [InlineData("A 12x4 silo-2 @a1b2c3")]
    [InlineData("X 1764000000123457 silo-2 @a1b2c3")]
    public void A_torn_or_foreign_line_is_not_an_entry(string line)
    {
        Assert.Null(ActivationJournalEntry.TryParse(line));
    }

    [Fact]
    public void Reading_a_directory_returns_every_silo_s_entries_and_skips_a_line_torn_by_a_crash()
    {
        var started = new ActivationJournalEntry(ActivationJournalEntryKind.Started, 10, "silo-1", "@one", "cart/alice");
        var answered = new ActivationJournalEntry(ActivationJournalEntryKind.Answered, 11, "silo-1", "@one", null);
        var other = new ActivationJournalEntry(ActivationJournalEntryKind.Started, 12, "silo-2", "@two", "cart/bob");
        using (var writer = new ActivationJournalWriter(_directory, "silo-1"))
        {
            writer.Append(started);
            writer.Append(answered);
        }

        using (var writer = new ActivationJournalWriter(_directory, "silo-2"))
        {
            writer.Append(other);
        }

        // kill -9 in the middle of a write: the last line has no end.
        File.AppendAllText(Path.Combine(_directory, "silo-2" + ActivationJournalWriter.FileExtension), "S 13 silo-2 @thr");
        File.WriteAllText(Path.Combine(_directory, "notes.txt"), "S 14 silo-3 @four cart/carol\n");

        var entries = ActivationJournalEntry.ReadAll(_directory);

        Assert.Equal(new HashSet<ActivationJournalEntry> { started, answered, other }, entries.ToHashSet());
    }

    [Fact]
    public void A_silo_name_that_is_not_a_safe_file_name_still_gets_its_own_file()
    {
        using (var writer = new ActivationJournalWriter(_directory, "host:11111/../x"))
        {
            writer.Append(new ActivationJournalEntry(ActivationJournalEntryKind.Answered, 1, "silo", "@one", null));
        }

        var file = Assert.Single(Directory.GetFiles(_directory));
        Assert.Equal(_directory, Path.GetDirectoryName(file));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
