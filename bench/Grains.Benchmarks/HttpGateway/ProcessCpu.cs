using System.Globalization;

namespace Grains.Benchmarks.HttpGateway;

/// <summary>CPU time a process (by pid) has used so far, from /proc/{pid}/stat (user + system, in clock ticks of 10 ms).</summary>
internal static class ProcessCpu
{
    private const double TicksPerSecond = 100;

    public static TimeSpan Of(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) is in parentheses and may hold spaces; utime and stime are fields 14 and 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
