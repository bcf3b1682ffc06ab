using System.Globalization;
using System.Text;

namespace Grains.Chaos.Reporting;

/// <summary>The short human-readable summary of a report: settings, invariants, availability and failover.</summary>
public static class SummaryWriter
{
    public static string Write(ChaosReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Settings;
        var text = new StringBuilder();
        Line(text, $"chaos run {report.RunId}: mode {s.Mode}, seed {s.Seed}, {report.ElapsedSeconds:0} s in all, {s.DurationSeconds:0} s of faults");
        Line(text, $"  {s.Users} users, {s.Silos} silos, {s.Gateways} gateways; faults {string.Join(',', s.Faults).ToLowerInvariant()} every {s.FaultIntervalSeconds:0.#} s, pauses of {s.PauseSeconds:0.#} s");
        var injected = report.Faults.GroupBy(f => f.Kind).OrderBy(g => g.Key).Select(g => $"{g.Key.ToString().ToLowerInvariant()} {g.Count()}");
        Line(text, $"  {report.Faults.Count} faults injected: {string.Join(", ", injected)}");
        text.AppendLine();

        Line(text, $"{"invariant",-44} {"value",8} {"must be",8}");
        foreach (var invariant in report.Invariants)
        {
            var expected = (invariant.AtLeast ? ">= " : string.Empty) + invariant.Expected.ToString(CultureInfo.InvariantCulture);
            Line(text, $"{invariant.Name,-44} {invariant.Value,8} {expected,8}  {(invariant.Holds ? "ok" : "BROKEN")}");
        }

        text.AppendLine();
        var c = report.Cart;
        Line(text, $"adds: {c.AcknowledgedAdds} acknowledged, {c.InfoAdds} unknown ({c.InfoAddsApplied} of them took effect); checkouts: {c.AcknowledgedCheckouts} acknowledged, {c.InfoCheckouts} unknown ({c.InfoCheckoutsApplied} took effect)");
        Line(text, $"reads: {c.AcknowledgedReads} acknowledged, {c.InfoReads} unknown; failed operations: {c.FailedOperations}; activations journaled: {report.Activations.Activations} of {report.Activations.Grains} grains");
        text.AppendLine();

        Line(text, $"{"availability",-22} {"operations",10} {"ok",8} {"fail",6} {"info",6} {"ok share",9}");
        foreach (var a in report.Availability)
        {
            var ratio = a.Ratio is { } r ? r.ToString("P2", CultureInfo.InvariantCulture) : "-";
            Line(text, $"{a.Period,-22} {a.Operations,10} {a.Ok,8} {a.Fail,6} {a.Info,6} {ratio,9}");
        }

        text.AppendLine();
        Line(text, $"{"failover (ms)",-22} {"faults",6} {"p50",8} {"p99",8} {"max",8}   (fault until every affected grain answered again)");
        foreach (var (kind, d) in report.Failover)
        {
            Line(text, $"{kind,-22} {d.Count,6} {Ms(d.P50),8} {Ms(d.P99),8} {Ms(d.Max),8}");
        }

        var unrecovered = report.FailoverSamples.Count(f => f.AffectedUsers > 0 && f.Milliseconds is null);
        if (unrecovered > 0)
        {
            Line(text, $"  {unrecovered} faults left a grain that did not answer again before the end of the run");
        }

        foreach (var anomaly in report.Cart.Anomalies.Concat(report.Activations.Duplicates).Concat(report.Faults.Where(f => f.Error is not null).Select(f => $"fault {f.Number} ({f.Kind} {f.Target}): {f.Error}"))
            .Concat(report.UnexpectedExits.Select(e => $"{e.Process} exited with code {e.ExitCode} without a fault"))
            .Concat(report.Crashes.Select(c => $"{c.Process} crashed: {c.Line}")).Take(30))
        {
            text.AppendLine("  ! " + anomaly);
        }

        text.AppendLine();
        text.AppendLine(report.Valid ? "VALID: every invariant holds." : "INVALID: an invariant is broken.");
        return text.ToString();
    }

    private static string Ms(double? value) => value is { } v ? v.ToString("0", CultureInfo.InvariantCulture) : "-";

    private static void Line(StringBuilder text, FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
}
