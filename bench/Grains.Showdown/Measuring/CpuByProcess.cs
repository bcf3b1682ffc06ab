using System.Text.RegularExpressions;

namespace Grains.Showdown.Measuring;

/// <summary>
/// Sums, over the phases it measures, the CPU each kind of server-side process used: <c>silo-1</c> and <c>silo-2</c>
/// count as <c>silo</c>, <c>stateless-a</c> and <c>stateless-b</c> as <c>stateless</c>.
/// </summary>
internal sealed partial class CpuByProcess(IReadOnlyDictionary<int, string> namesByPid)
{
    private readonly Dictionary<string, TimeSpan> _used = [];

    /// <summary>Runs <paramref name="phase"/> and adds what each process used meanwhile.</summary>
    public async Task<T> MeasureAsync<T>(Func<Task<T>> phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        var before = ProcessCpu.Each(namesByPid.Keys);
        var result = await phase();
        foreach (var (pid, after) in ProcessCpu.Each(namesByPid.Keys))
        {
            if (before.TryGetValue(pid, out var start))
            {
                var kind = KindOf(namesByPid[pid]);
                _used[kind] = _used.GetValueOrDefault(kind) + (after - start);
            }
        }

        return result;
    }

    /// <summary>µs of CPU per request, by kind of process, rounded to 0.1 µs.</summary>
    public IReadOnlyDictionary<string, double> MicrosecondsPer(long requests) =>
        _used.OrderBy(u => u.Key, StringComparer.Ordinal)
            .ToDictionary(u => u.Key, u => requests == 0 ? 0 : Math.Round(u.Value.TotalMicroseconds / requests, 1));

    /// <summary>A process's name without its instance suffix (<c>-1</c>, <c>-a</c>).</summary>
    public static string KindOf(string processName) => InstanceSuffix().Replace(processName, string.Empty);

    [GeneratedRegex("-([0-9]+|[a-z])$", RegexOptions.CultureInvariant)]
    private static partial Regex InstanceSuffix();
}
