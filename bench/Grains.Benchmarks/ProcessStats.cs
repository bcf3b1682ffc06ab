using System.Diagnostics;
using System.Globalization;

namespace Grains.Benchmarks;

/// <summary>What a process has spent so far: CPU time, bytes allocated and garbage collections.</summary>
internal readonly record struct ProcessStats(TimeSpan Cpu, long AllocatedBytes, int Gen0, int Gen1, int Gen2)
{
    public static ProcessStats Current()
    {
        using var process = Process.GetCurrentProcess();
        return new ProcessStats(
            process.TotalProcessorTime,
            GC.GetTotalAllocatedBytes(precise: false),
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2));
    }

    /// <summary>The line the child silo answers a "stats" request with.</summary>
    public string Format() => string.Create(
        CultureInfo.InvariantCulture, $"{Cpu.Ticks} {AllocatedBytes} {Gen0} {Gen1} {Gen2}");

    public static ProcessStats Parse(string line)
    {
        var parts = line.Split(' ');
        if (parts.Length != 5)
        {
            throw new FormatException($"'{line}' is not a stats line.");
        }

        return new ProcessStats(
            TimeSpan.FromTicks(long.Parse(parts[0], CultureInfo.InvariantCulture)),
            long.Parse(parts[1], CultureInfo.InvariantCulture),
            int.Parse(parts[2], CultureInfo.InvariantCulture),
            int.Parse(parts[3], CultureInfo.InvariantCulture),
            int.Parse(parts[4], CultureInfo.InvariantCulture));
    }

    public static ProcessStats operator -(ProcessStats after, ProcessStats before) => new(
        after.Cpu - before.Cpu,
        after.AllocatedBytes - before.AllocatedBytes,
        after.Gen0 - before.Gen0,
        after.Gen1 - before.Gen1,
        after.Gen2 - before.Gen2);
}
