using System.Globalization;
using System.Text;
using Grains.Showdown.Measuring;

namespace Grains.Showdown.Overload;

/// <summary>overload.md (the phases and the goals) and overload.svg (goodput and p99 by phase).</summary>
internal static class OverloadReport
{
    public static string Markdown(OverloadSettings settings, OverloadRun run, string command)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(run);
        var md = new StringBuilder();
        Line(md, "# Overload");
        Line(md, string.Empty);
        Line(md, I($"`{command}`, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, admission control **{(settings.Admission ? "on" : "off")}**."));
        Line(md, I($"{run.Machine}; load average at the start {run.LoadAtStart}, at the end {run.LoadAtEnd} (the run's own processes share the cores)."));
        Line(md, string.Empty);
        Line(md, I($"Two silos behind the gateway, reads only (`GET /api/cart`, {settings.Users} users in turn). **Capacity: {run.Capacity:0} reads/s**, the highest open-loop rate of which at least {OverloadSettings.WholeShare:P1} were answered 2xx, found by offering {settings.ProbeDuration.TotalSeconds:0} s steps from {OverloadSettings.FirstProbe:0.0}x the closed loop's figure up by {OverloadSettings.ProbeStep - 1:P0} each (table below). A closed loop of 64 reads in flight, each sent when the last was answered, got {run.ClosedLoopCapacity:0} reads/s, the servers (silos, gateway, Redis) using {run.ClosedLoopCpu.ServerCores:0.00} cores ({ServerMicroseconds(run.ClosedLoopCpu, run.ClosedLoopCapacity):0} µs per read) and this load generator {run.ClosedLoopCpu.LoadCores:0.00}: requests that arrive together cost the servers less each than requests that arrive spread out, as in an open loop. Then the phases, {settings.PhaseDuration.TotalSeconds:0} s each, open loop: every request sent on schedule and timed from when it was due; a request unanswered after 10 s counts as failed."));
        Line(md, string.Empty);
        Line(md, "| capacity search: offered/s | answered 2xx/s | p50 ms | p99 ms | failed | served whole | servers' cores | µs of servers' CPU per 2xx | load generator's cores |");
        Line(md, "|---:|---:|---:|---:|---:|---|---:|---:|---:|");
        foreach (var probe in run.Probes)
        {
            var r = probe.Result;
            Line(md, I($"| {probe.Rate:0} | {r.Answered.RequestsPerSecond:0} | {r.Answered.P50Ms:0.00} | {r.Answered.P99Ms:0.00} | {r.FailedRequests} | {(probe.ServedWhole ? "yes" : "no")} | {probe.Cpu.ServerCores:0.00} | {ServerMicroseconds(probe.Cpu, r.Answered.RequestsPerSecond):0} | {probe.Cpu.LoadCores:0.00} |"));
        }

        Line(md, string.Empty);
        Line(md, "| phase | offered/s | answered 2xx/s | goodput / capacity | p50 ms | p99 ms | shed (503, 429) | not sent (2,000 waiting) | other failures | silos declared dead | lease lapses | full service after | servers' cores | µs of servers' CPU per 2xx | load generator's cores |");
        Line(md, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (phase, i) in run.Phases.Select((p, i) => (p, i)))
        {
            var r = phase.Result;
            var recovered = phase.SecondsToFullService() is { } s ? I($"{s} s") : "never";
            Line(md, I($"| {i + 1}: {phase.Factor:0.0}x | {r.OfferedRps:0} | {r.Answered.RequestsPerSecond:0} | {r.Answered.RequestsPerSecond / run.Capacity:0.00} | {r.Answered.P50Ms:0.00} | {r.Answered.P99Ms:0.00} | {phase.Shed} | {phase.NotSent} | {phase.OtherFailures} | {phase.DeadSilos} | {phase.LeaseLapses} | {recovered} | {phase.Cpu.ServerCores:0.00} | {ServerMicroseconds(phase.Cpu, r.Answered.RequestsPerSecond):0} | {phase.Cpu.LoadCores:0.00} |"));
        }

        // The stricter of the two 0.5x phases (before and after the overload): the lower p99.
        var reference = run.Phases.Where(p => p.Factor == 0.5).MinBy(p => p.Result.Answered.P99Ms);
        var peak = run.Phases.Where(p => p.Factor == run.Phases.Max(q => q.Factor)).FirstOrDefault();
        var after = run.Phases.Count > 1 && run.Phases[^1].Factor < 1 ? run.Phases[^1] : null;
        if (reference is not null && peak is not null && after is not null)
        {
            var goodput = peak.Result.Answered.RequestsPerSecond / run.Capacity;
            var tail = reference.Result.Answered.P99Ms > 0 ? peak.Result.Answered.P99Ms / reference.Result.Answered.P99Ms : double.NaN;
            var dead = run.Phases.Sum(p => p.DeadSilos);
            var lapses = run.Phases.Sum(p => p.LeaseLapses);
            var recovery = after.SecondsToFullService();
            Line(md, string.Empty);
            Line(md, "| goal | measured | |");
            Line(md, "|---|---:|---|");
            Line(md, I($"| at {peak.Factor:0}x: goodput at least 0.90 of capacity | {goodput:0.00} ({peak.Result.Answered.RequestsPerSecond / run.ClosedLoopCapacity:0.00} of the closed loop's figure) | {Verdict(goodput >= 0.9)} |"));
            Line(md, I($"| at {peak.Factor:0}x: p99 of admitted requests at most 5x the lower p99 at 0.5x | {tail:0.0}x ({peak.Result.Answered.P99Ms:0.00} / {reference.Result.Answered.P99Ms:0.00} ms) | {Verdict(tail <= 5)} |"));
            Line(md, I($"| no silo declared dead or fenced | {dead} dead, {lapses} lease lapses | {Verdict(dead == 0 && lapses == 0)} |"));
            Line(md, I($"| after the overload: full service within 5 s | {(recovery is { } s ? $"{s} s" : "never")} | {Verdict(recovery is <= 5)} |"));
        }

        return md.ToString();
    }

    public static string Svg(OverloadRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        const int panelWidth = 420, height = 300, top = 40, bottom = 240, left = 60;
        var svg = new StringBuilder();
        Line(svg, I($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{panelWidth * 2}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"11\">"));
        Line(svg, I($"<rect width=\"{panelWidth * 2}\" height=\"{height}\" fill=\"white\"/>"));
        Panel(0, "Answered 2xx per second (line: capacity)", run.Phases.Select(p => p.Result.Answered.RequestsPerSecond).ToList(), run.Capacity);
        Panel(1, "p99 of answered requests (ms)", run.Phases.Select(p => p.Result.Answered.P99Ms).ToList(), null);
        Line(svg, "</svg>");
        return svg.ToString();

        void Panel(int index, string title, IReadOnlyList<double> values, double? mark)
        {
            var x0 = index * panelWidth;
            var max = Math.Max(values.DefaultIfEmpty(0).Max(), mark ?? 0) * 1.1;
            max = max > 0 ? max : 1;
            var slot = (panelWidth - left - 20) / (double)Math.Max(1, values.Count);
            Line(svg, I($"<text x=\"{x0 + left}\" y=\"20\" font-size=\"13\">{title}</text>"));
            Line(svg, I($"<line x1=\"{x0 + left}\" y1=\"{bottom}\" x2=\"{x0 + panelWidth - 20}\" y2=\"{bottom}\" stroke=\"#333\"/>"));
            Line(svg, I($"<text x=\"{x0 + left - 6}\" y=\"{top + 4}\" text-anchor=\"end\">{max:0.#}</text>"));
            Line(svg, I($"<text x=\"{x0 + left - 6}\" y=\"{bottom}\" text-anchor=\"end\">0</text>"));
            for (var i = 0; i < values.Count; i++)
            {
                var barHeight = (bottom - top) * values[i] / max;
                var x = x0 + left + (i * slot) + (slot * 0.15);
                Line(svg, I($"<rect x=\"{x:0.#}\" y=\"{bottom - barHeight:0.#}\" width=\"{slot * 0.7:0.#}\" height=\"{barHeight:0.#}\" fill=\"#4e79a7\"/>"));
                Line(svg, I($"<text x=\"{x + (slot * 0.35):0.#}\" y=\"{bottom - barHeight - 4:0.#}\" text-anchor=\"middle\">{values[i]:0.##}</text>"));
                Line(svg, I($"<text x=\"{x + (slot * 0.35):0.#}\" y=\"{bottom + 16}\" text-anchor=\"middle\">{i + 1}: {run.Phases[i].Factor:0.0}x</text>"));
            }

            if (mark is { } m)
            {
                var y = bottom - ((bottom - top) * m / max);
                Line(svg, I($"<line x1=\"{x0 + left}\" y1=\"{y:0.#}\" x2=\"{x0 + panelWidth - 20}\" y2=\"{y:0.#}\" stroke=\"#e15759\" stroke-dasharray=\"4 3\"/>"));
            }
        }
    }

    /// <summary>The servers' CPU over the phase per answered request: what serving one cost, refusals included.</summary>
    private static double ServerMicroseconds(CpuUse cpu, double answeredPerSecond) =>
        answeredPerSecond > 0 ? cpu.ServerCores * 1e6 / answeredPerSecond : double.NaN;

    private static string Verdict(bool reached) => reached ? "reached" : "**not reached**";

    private static void Line(StringBuilder builder, string text) => builder.Append(text).Append('\n');

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
