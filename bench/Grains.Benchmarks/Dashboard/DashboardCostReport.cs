using System.Globalization;

namespace Grains.Benchmarks.Dashboard;

/// <summary>Prints the CPU each mode cost, as a share of one core and as a ratio to the same round's <see cref="DashboardMode.Off"/>.</summary>
internal static class DashboardCostReport
{
    public static void Write(TextWriter output, DashboardCostSettings settings, IReadOnlyList<DashboardCostSample> samples)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Dashboard cost: {settings.Silos} silos + 1 gateway, {settings.Users}+ users with a cart, no shop traffic while measured; {settings.WarmUp.TotalSeconds:0} s settle, {settings.Duration.TotalSeconds:0} s measured, {settings.Rounds} rounds; {Environment.ProcessorCount} cores."));
        output.WriteLine("CPU time from /proc/<pid>/stat (user + system), as a share of one core over the window; ratio = the mode / Off of the same round.");
        output.WriteLine();
        output.WriteLine($"{"mode",-24} {"round",5} {"silos (sum)",12} {"busiest silo",13} {"gateway",9} {"silos ratio",12} {"gateway ratio",14}");
        foreach (var sample in samples)
        {
            var off = samples.FirstOrDefault(s => s.Round == sample.Round && s.Mode == DashboardMode.Off);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{sample.Mode,-24} {sample.Round,5} {DashboardCostRunner.Percent(sample.SilosCpu, sample.Window),12} {DashboardCostRunner.Percent(sample.BusiestSiloCpu, sample.Window),13} {DashboardCostRunner.Percent(sample.GatewayCpu, sample.Window),9} {Ratio(sample.SilosCpu / sample.Window, off is null ? null : off.SilosCpu / off.Window),12} {Ratio(sample.GatewayCpu / sample.Window, off is null ? null : off.GatewayCpu / off.Window),14}"));
        }

        output.WriteLine();
        output.WriteLine("Median over rounds:");
        foreach (var mode in settings.Modes)
        {
            var ofMode = samples.Where(s => s.Mode == mode).ToList();
            var silos = Median(ofMode.Select(s => s.SilosCpu / s.Window));
            var gateway = Median(ofMode.Select(s => s.GatewayCpu / s.Window));
            var siloRatio = Median(ofMode.Select(s => Ratio(s, samples, x => x.SilosCpu)));
            var gatewayRatio = Median(ofMode.Select(s => Ratio(s, samples, x => x.GatewayCpu)));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {mode,-24} silos {silos,6:P1} of a core (x{siloRatio:0.00} of off)   gateway {gateway,6:P1} (x{gatewayRatio:0.00} of off)"));
        }
    }

    private static double Ratio(DashboardCostSample sample, IReadOnlyList<DashboardCostSample> samples, Func<DashboardCostSample, TimeSpan> cpu)
    {
        var off = samples.FirstOrDefault(s => s.Round == sample.Round && s.Mode == DashboardMode.Off);
        return off is null || cpu(off) == TimeSpan.Zero ? double.NaN : (cpu(sample) / sample.Window) / (cpu(off) / off.Window);
    }

    private static string Ratio(double value, double? baseline) =>
        baseline is > 0 ? (value / baseline.Value).ToString("0.00", CultureInfo.InvariantCulture) : "-";

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
