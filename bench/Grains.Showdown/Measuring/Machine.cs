using System.Globalization;
using System.Runtime.InteropServices;

namespace Grains.Showdown.Measuring;

/// <summary>The machine in one line: cores, CPU model, memory, OS, .NET, and how busy it was at the start.</summary>
internal static class Machine
{
    public static string Describe()
    {
        var model = ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memory = ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is { } line
            && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], NumberStyles.None, CultureInfo.InvariantCulture, out var kb)
            ? string.Create(CultureInfo.InvariantCulture, $"{kb / 1024.0 / 1024.0:0.0} GiB RAM")
            : "unknown RAM";
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores ({model}), {memory}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
    }

    /// <summary>The 1, 5 and 15 minute load averages, as /proc/loadavg gives them.</summary>
    public static string LoadAverage() =>
        ReadLines("/proc/loadavg").FirstOrDefault()?.Split(' ').Take(3) is { } parts ? string.Join(' ', parts) : "unknown";

    private static string[] ReadLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
