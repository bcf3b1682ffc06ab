using System.Globalization;

namespace Grains.Benchmarks.Dashboard;

/// <summary>Prints the CPU each mode cost, as a share of one core and as a ratio to the <see cref="DashboardMode.Off"/> cluster measured beside it.</summary>
internal static class DashboardCostReport
{
    public static void Write(TextWriter output, DashboardCostSettings settings, IReadOnlyList<DashboardCostSample> samples)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Dashboard cost: per cluster {settings.Silos} silos + 1 gateway, {settings.Users}+ users with a cart, no shop traffic while measured; each mode beside an Off cluster in the same window; {settings.WarmUp.TotalSeconds:0} s settle, {settings.Duration.TotalSeconds:0} s measured, {settings.Rounds} rounds; {Environment.ProcessorCount} cores."));
        output.WriteLine("CPU time from /proc/<pid>/stat (user + system), as a share of one core over the window; ratio = the mode / the Off cluster beside it.");
        output.WriteLine();
        output.WriteLine($"{"mode",-24} {"round",5} {"silos (sum)",12} {"busiest silo",13} {"gateway",9} {"off: silos",11} {"off: gateway",13} {"silos ratio",12} {"gateway ratio",14}");
        foreach (var sample in samples)
        {
            var off = sample.Off;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{sample.Mode,-24} {sample.Round,5} {DashboardCostRunner.Percent(sample.SilosCpu, sample.Window),12} {DashboardCostRunner.Percent(sample.BusiestSiloCpu, sample.Window),13} {DashboardCostRunner.Percent(sample.GatewayCpu, sample.Window),9} {DashboardCostRunner.Percent(off.SilosCpu, off.Window),11} {DashboardCostRunner.Percent(off.GatewayCpu, off.Window),13} {Ratio(sample.SilosCpu, off.SilosCpu),12:0.00} {Ratio(sample.GatewayCpu, off.GatewayCpu),14:0.00}"));
        }

        output.WriteLine();
        output.WriteLine("Median over rounds (ratio to the Off cluster beside it; the spread of the ratios in brackets):");
        foreach (var mode in settings.Modes.Where(m => m != DashboardMode.Off))
        {
            var ofMode = samples.Where(s => s.Mode == mode).ToList();
            var silos = ofMode.Select(s => Ratio(s.SilosCpu, s.Off.SilosCpu)).ToList();
            var gateway = ofMode.Select(s => Ratio(s.GatewayCpu, s.Off.GatewayCpu)).ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {mode,-24} silos x{Median(silos):0.00} ({silos.Min():0.00}-{silos.Max():0.00})   gateway x{Median(gateway):0.00} ({gateway.Min():0.00}-{gateway.Max():0.00})"));
        }
    }

    private static double Ratio(TimeSpan cpu, TimeSpan off) => off == TimeSpan.Zero ? double.NaN : cpu / off;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
