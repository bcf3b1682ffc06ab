using System.Text;

namespace Grains.Runtime.Messaging;

/// <summary>
/// The few strings a connection receives over and over (grain types, method names, silo ids and names), decoded
/// once: a field whose bytes equal a remembered string's gets that string instead of a new one. Only one read loop
/// uses an instance, so it takes no locks.
/// </summary>
internal sealed class Utf8StringCache
{
    private const int Capacity = 16;
    private const int MaxLength = 256;
    private readonly byte[][] _bytes = new byte[Capacity][];
    private readonly string[] _strings = new string[Capacity];
    private int _count;
    private int _next;

    public string GetString(ReadOnlySpan<byte> utf8)
    {
        for (var i = 0; i < _count; i++)
        {
            if (utf8.SequenceEqual(_bytes[i]))
            {
                return _strings[i];
            }
        }

        var value = Encoding.UTF8.GetString(utf8);
        if (utf8.Length <= MaxLength)
        {
            // Oldest out: a connection's working set is small, and one that is not merely decodes as it would anyway.
            _bytes[_next] = utf8.ToArray();
            _strings[_next] = value;
            _next = (_next + 1) % Capacity;
            _count = Math.Min(_count + 1, Capacity);
        }

        return value;
    }
}
