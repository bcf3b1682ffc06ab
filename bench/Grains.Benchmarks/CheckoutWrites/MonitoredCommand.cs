using System.Globalization;
using System.Text;

namespace Grains.Benchmarks.CheckoutWrites;

/// <summary>
/// One command as Redis' <c>MONITOR</c> reports it: <c>+&lt;time&gt; [&lt;db&gt; &lt;client&gt;] "arg" "arg" ...</c>,
/// each argument quoted with C-like escapes. Commands a Lua script runs show <c>lua</c> as their client.
/// </summary>
internal sealed record MonitoredCommand(string Client, IReadOnlyList<byte[]> Arguments)
{
    private const string StateSegment = "/state/";

    /// <summary>The command's name, upper case.</summary>
    public string Name => Encoding.ASCII.GetString(Arguments[0]).ToUpperInvariant();

    /// <summary>Run by a script, not sent by a client: its bytes are already counted in the script call's.</summary>
    public bool FromScript => Client.EndsWith(" lua", StringComparison.Ordinal);

    /// <summary>The bytes of the command on the wire, in Redis' protocol (RESP): what the client sent.</summary>
    public int WireBytes => Encoding.ASCII.GetByteCount(Header(Arguments.Count, '*'))
        + Arguments.Sum(a => Encoding.ASCII.GetByteCount(Header(a.Length, '$')) + a.Length + 2);

    /// <summary>The grain type of the grain state the command names (<c>cart</c>, <c>orders</c>, <c>orderpage</c>), or null.</summary>
    public string? StateGrainType
    {
        get
        {
            foreach (var argument in Arguments)
            {
                var text = Encoding.Latin1.GetString(argument);
                var at = text.IndexOf(StateSegment, StringComparison.Ordinal);
                if (at >= 0)
                {
                    var rest = text[(at + StateSegment.Length)..];
                    var end = rest.IndexOf('/', StringComparison.Ordinal);
                    return end < 0 ? rest : rest[..end];
                }
            }

            return null;
        }
    }

    /// <summary>A MONITOR line as a command; null for anything else (its <c>+OK</c>, say).</summary>
    public static MonitoredCommand? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var open = line.IndexOf('[', StringComparison.Ordinal);
        var close = open < 0 ? -1 : line.IndexOf("] ", open, StringComparison.Ordinal);
        if (close < 0)
        {
            return null;
        }

        var arguments = new List<byte[]>();
        var bytes = new List<byte>();
        var i = close + 2;
        while (i < line.Length)
        {
            if (line[i] == ' ')
            {
                i++;
                continue;
            }

            if (line[i] != '"')
            {
                return null;
            }

            bytes.Clear();
            for (i++; i < line.Length && line[i] != '"'; i++)
            {
                if (line[i] != '\\' || i + 1 >= line.Length)
                {
                    bytes.Add((byte)line[i]);
                    continue;
                }

                i++;
                switch (line[i])
                {
                    case 'n': bytes.Add((byte)'\n'); break;
                    case 'r': bytes.Add((byte)'\r'); break;
                    case 't': bytes.Add((byte)'\t'); break;
                    case 'a': bytes.Add(7); break;
                    case 'b': bytes.Add(8); break;
                    case 'x' when i + 2 < line.Length:
                        bytes.Add(byte.Parse(line.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        i += 2;
                        break;
                    default: bytes.Add((byte)line[i]); break;
                }
            }

            i++;
            arguments.Add([.. bytes]);
        }

        return arguments.Count == 0 ? null : new MonitoredCommand(line[(open + 1)..close], arguments);
    }

    private static string Header(int count, char kind) => string.Create(CultureInfo.InvariantCulture, $"{kind}{count}\r\n");
}
