using System.Diagnostics;
using System.Globalization;

namespace Grains.Showdown.Measuring;

/// <summary>
/// The cores that the server-side processes (silos, gateway, Redis) and this load generator used over a phase: on one
/// machine they share the cores, so what the load takes to send is not there for the servers.
/// </summary>
internal sealed record CpuUse(double ServerCores, double LoadCores)
{
    public static async Task<(T Result, CpuUse Cpu)> MeasureAsync<T>(IReadOnlyCollection<int> servers, Func<Task<T>> phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        int[] load = [Environment.ProcessId];
        var started = Stopwatch.GetTimestamp();
        var serversBefore = ProcessCpu.Each(servers);
        var loadBefore = ProcessCpu.Each(load);
        var result = await phase();
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return (result, new CpuUse(Used(serversBefore, ProcessCpu.Each(servers)) / seconds, Used(loadBefore, ProcessCpu.Each(load)) / seconds));
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"CPU: servers {ServerCores:0.00} cores, load generator {LoadCores:0.00}");

    private static double Used(Dictionary<int, TimeSpan> before, Dictionary<int, TimeSpan> after) =>
        after.Where(a => before.ContainsKey(a.Key)).Sum(a => (a.Value - before[a.Key]).TotalSeconds);
}
