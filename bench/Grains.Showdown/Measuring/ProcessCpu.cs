using System.Globalization;

namespace Grains.Showdown.Measuring;

/// <summary>CPU time (user + system) that processes have used so far, read from /proc/{pid}/stat.</summary>
internal static class ProcessCpu
{
    /// <summary>Clock ticks per second of utime and stime (USER_HZ, 100 on Linux).</summary>
    private const double TicksPerSecond = 100;

    /// <summary>The sum over <paramref name="pids"/>; a process that has exited counts what it had at its last reading.</summary>
    public static TimeSpan Total(IEnumerable<int> pids, IDictionary<int, TimeSpan> lastSeen)
    {
        ArgumentNullException.ThrowIfNull(pids);
        ArgumentNullException.ThrowIfNull(lastSeen);
        foreach (var pid in pids)
        {
            if (TryRead(pid) is { } used)
            {
                lastSeen[pid] = used;
            }
        }

        return TimeSpan.FromTicks(lastSeen.Values.Sum(t => t.Ticks));
    }

    /// <summary>What each of <paramref name="pids"/> has used so far; a process that has exited is left out.</summary>
    public static Dictionary<int, TimeSpan> Each(IEnumerable<int> pids)
    {
        ArgumentNullException.ThrowIfNull(pids);
        var used = new Dictionary<int, TimeSpan>();
        foreach (var pid in pids)
        {
            if (TryRead(pid) is { } cpu)
            {
                used[pid] = cpu;
            }
        }

        return used;
    }

    private static TimeSpan? TryRead(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // Field 2, the command, is in parentheses and may hold spaces; utime and stime are fields 14 and 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
