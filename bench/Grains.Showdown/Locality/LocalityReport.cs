using System.Globalization;

namespace Grains.Showdown.Locality;

/// <summary>Prints the share of requests served in-process before, across and after each event of the run.</summary>
internal static class LocalityReport
{
    public static void Write(TextWriter output, IReadOnlyList<LocalitySample> samples, LocalitySettings settings)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(settings);
        var join = samples.FirstOrDefault(s => s.Event?.StartsWith("silo-3", StringComparison.Ordinal) == true);
        var kill = samples.FirstOrDefault(s => s.Event?.Contains("killed", StringComparison.Ordinal) == true);
        var steady = samples.Where(s => s.Second >= 5 && (join is null || s.Second < join.Second)).ToList();
        output.WriteLine();
        output.WriteLine(F($"Steady state on 2 silos ({steady.Count} s from 5 s on): {Share(steady)} of {steady.Sum(s => s.Requests)} requests in-process."));
        foreach (var (name, at, until) in new[] { ("scale-out to 3 silos", join, kill), ("kill -9 of silo-1", kill, null) })
        {
            if (at is null)
            {
                continue;
            }

            var after = samples.Where(s => s.Second >= at.Second && (until is null || s.Second < until.Second)).ToList();
            var back = after.FirstOrDefault(s => after.SkipWhile(x => x != s).Take(3).All(x => x.Share >= LocalityRunner.Goal));
            var settled = back is null ? [] : after.Where(s => s.Second >= back.Second).ToList();
            output.WriteLine(F($"{name} at {at.Second:0} s: lowest second {100 * after.Min(s => s.Share):0.0} %; {after.Count(s => s.Share < LocalityRunner.Goal)} s under {100 * LocalityRunner.Goal:0} %; back to {100 * LocalityRunner.Goal:0} % (3 s in a row) {(back is null ? "not within the run" : F($"{back.Second - at.Second:0} s after"))}; from then {Share(settled)} in-process."));
        }
    }

    private static string Share(IReadOnlyCollection<LocalitySample> samples)
    {
        var requests = samples.Sum(s => s.Requests);
        return requests == 0 ? "-" : F($"{100.0 * samples.Sum(s => s.InProcess) / requests:0.00} %");
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
