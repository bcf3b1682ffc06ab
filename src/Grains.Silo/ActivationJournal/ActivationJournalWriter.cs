using System.Text;

namespace Grains.Silo.ActivationJournal;

/// <summary>
/// Appends entries to this silo's journal file, one <c>write(2)</c> per entry and no buffering in the process: an entry
/// is in the kernel's page cache before the call goes on, so a <c>kill -9</c> right after it loses nothing.
/// </summary>
public sealed class ActivationJournalWriter : IDisposable
{
    public const string FileExtension = ".journal";

    private readonly FileStream _file;
    private readonly Lock _lock = new();

    public ActivationJournalWriter(string directory, string siloName)
    {
        ArgumentNullException.ThrowIfNull(siloName);
        System.IO.Directory.CreateDirectory(directory);
        var safeName = string.Concat(siloName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        _file = new FileStream(Path.Combine(directory, safeName + FileExtension), FileMode.Append, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
    }

    public static long Now() => (DateTime.UtcNow - DateTime.UnixEpoch).Ticks / (TimeSpan.TicksPerMillisecond / 1000);

    public void Append(ActivationJournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var bytes = Encoding.UTF8.GetBytes(entry.Format() + "\n");
        lock (_lock)
        {
            _file.Write(bytes);
        }
    }

    public void Dispose() => _file.Dispose();
}
