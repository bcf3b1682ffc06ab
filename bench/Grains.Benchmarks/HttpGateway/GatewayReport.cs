using System.Globalization;

namespace Grains.Benchmarks.HttpGateway;

/// <summary>Prints the gateway benchmark's conditions, and per target the medians and ranges over the rounds.</summary>
internal static class GatewayReport
{
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    public static void WriteConditions(TextWriter output, GatewaySettings settings)
    {
        output.WriteLine(Report.Machine("Gateway benchmark"));
        output.WriteLine(string.Create(s_invariant,
            $"wrk -t{settings.Threads} -c{settings.Connections}, {settings.Duration.TotalSeconds:0.#} s per target, {settings.Rounds} rounds, warm-up {settings.WarmUp.TotalSeconds:0.#} s per target; {(settings.ServerGc ? "server" : "workstation")} GC in every process; one silo behind the gateway, one variants silo"));
    }

    public static void WriteSamples(TextWriter output, IReadOnlyList<GatewaySample> samples)
    {
        output.WriteLine();
        output.WriteLine("target            req/s median (min-max)      / bare median (min-max)   p50 ms   p99 ms   CPU µs/req host + silo   non-2xx  what the request does");
        var bare = samples.Where(s => s.Target.Host == GatewayHost.Bare).ToDictionary(s => s.Round);
        foreach (var group in samples.GroupBy(s => s.Target))
        {
            var rates = group.Select(s => s.Wrk.RequestsPerSecond).ToList();
            var ratios = group.Where(s => bare.ContainsKey(s.Round)).Select(s => s.Wrk.RequestsPerSecond / bare[s.Round].Wrk.RequestsPerSecond).ToList();
            var ratio = ratios.Count == 0 ? "-" : string.Create(s_invariant, $"{Median(ratios):0.00} ({ratios.Min():0.00}-{ratios.Max():0.00})");
            output.WriteLine(string.Create(s_invariant,
                $"{group.Key.Name,-17} {Median(rates),8:N0} ({rates.Min(),7:N0}-{rates.Max(),7:N0})  {ratio,-24} {Median(group.Select(s => s.Wrk.P50.TotalMilliseconds)),7:0.00} {Median(group.Select(s => s.Wrk.P99.TotalMilliseconds)),8:0.00}   {Median(group.Select(s => s.HostCpuMicrosecondsPerRequest)),6:0.0} + {Median(group.Select(s => s.SiloCpuMicrosecondsPerRequest)),-6:0.0}        {group.Sum(s => s.Wrk.NonSuccess + s.Wrk.SocketErrors),7}  {group.Key.Does}"));
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return 0;
        }

        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
