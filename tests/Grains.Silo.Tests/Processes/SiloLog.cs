using System.Collections.Concurrent;
using System.Text;

namespace Grains.Silo.Tests.Processes;

/// <summary>Every line a silo process wrote, readable while it still writes.</summary>
public sealed class SiloLog : TextWriter
{
    private readonly ConcurrentQueue<string> _lines = new();

    public override Encoding Encoding => Encoding.UTF8;

    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>ProjectProcess writes whole lines; a character-wise write is not expected and is dropped.</summary>
    public override void Write(char value)
    {
    }

    public override void WriteLine(string? value)
    {
        if (value is not null)
        {
            _lines.Enqueue(value);
        }
    }

    public bool Contains(string text) => _lines.Any(l => l.Contains(text, StringComparison.Ordinal));
}
