using System.Globalization;
using System.Text;

namespace Grains.Showdown.Reporting;

/// <summary>
/// showdown.svg, drawn by hand (no native library): five panels of grouped bars, one group per architecture:
/// throughput at saturation, p99 latency at saturation and at the fixed rate, what a kill -9 lost, and how long until
/// every user was served again.
/// </summary>
internal static class SvgChart
{
    private const int PanelWidth = 300;
    private const int Panels = 5;
    private const int Height = 370;
    private const int Top = 50;
    private const int Bottom = 280;
    private const int Left = 50;
    private static readonly string[] s_colors = ["#4e79a7", "#f28e2b", "#59a14f"];

    public static string Draw(ShowdownReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var architectures = report.Architectures;
        var svg = new StringBuilder();
        Append(svg, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{PanelWidth * Panels}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"11\">");
        Append(svg, $"<rect width=\"{PanelWidth * Panels}\" height=\"{Height}\" fill=\"white\"/>");
        Panel(svg, 0, "Saturation (requests/s)", architectures, [("reads", a => a.Read.Rps), ("writes", a => a.Write.Rps)]);
        Panel(svg, 1, "p99 at saturation (ms)", architectures, [("reads", a => a.Read.P99Ms), ("writes", a => a.Write.P99Ms)]);
        Panel(svg, 2, "p99 at the fixed rate (ms)", architectures, [("reads", a => a.FixedRate.Read.P99Ms), ("writes", a => a.FixedRate.Write.P99Ms)]);
        Panel(svg, 3, "Lost to a kill -9", architectures, [("sessions lost", a => a.Kill.SessionsLost), ("cart lines lost", a => a.Kill.CartLinesLost)]);
        Panel(svg, 4, "All users served again (s)", architectures, [("after the kill", a => a.Kill.RecoverySeconds ?? 0)]);
        Append(svg, $"<text x=\"8\" y=\"{Height - 8}\" fill=\"#555\">{Escape(report.Date)}: {Escape(report.Command)}</text>");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Panel(StringBuilder svg, int index, string title, IReadOnlyList<ArchitectureFigures> architectures, (string Name, Func<ArchitectureFigures, double> Value)[] series)
    {
        var x0 = index * PanelWidth;
        var max = Math.Max(1e-9, architectures.SelectMany(a => series.Select(s => s.Value(a))).DefaultIfEmpty(0).Max());
        Append(svg, $"<text x=\"{x0 + (PanelWidth / 2)}\" y=\"20\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\">{Escape(title)}</text>");
        Append(svg, $"<line x1=\"{x0 + Left}\" y1=\"{Bottom}\" x2=\"{x0 + PanelWidth - 10}\" y2=\"{Bottom}\" stroke=\"#333\"/>");
        Append(svg, $"<text x=\"{x0 + Left - 4}\" y=\"{Top + 4}\" text-anchor=\"end\" fill=\"#555\">{Format(max)}</text>");
        Append(svg, $"<text x=\"{x0 + Left - 4}\" y=\"{Bottom}\" text-anchor=\"end\" fill=\"#555\">0</text>");
        var groupWidth = (PanelWidth - Left - 10) / (double)Math.Max(1, architectures.Count);
        var barWidth = (groupWidth - 12) / series.Length;
        for (var a = 0; a < architectures.Count; a++)
        {
            var groupX = x0 + Left + (a * groupWidth) + 6;
            for (var s = 0; s < series.Length; s++)
            {
                var value = series[s].Value(architectures[a]);
                var height = (Bottom - Top) * value / max;
                var x = groupX + (s * barWidth);
                Append(svg, $"<rect x=\"{x:0.#}\" y=\"{Bottom - height:0.#}\" width=\"{barWidth - 2:0.#}\" height=\"{height:0.#}\" fill=\"{s_colors[s % s_colors.Length]}\"><title>{Escape(architectures[a].Name)} {Escape(series[s].Name)}: {Format(value)}</title></rect>");
                Append(svg, $"<text x=\"{x + ((barWidth - 2) / 2):0.#}\" y=\"{Bottom - height - 3:0.#}\" text-anchor=\"middle\" font-size=\"9\">{Format(value)}</text>");
            }

            Append(svg, $"<text x=\"{groupX + ((groupWidth - 12) / 2):0.#}\" y=\"{Bottom + 14}\" text-anchor=\"middle\">{Escape(architectures[a].Name)}</text>");
        }

        for (var s = 0; s < series.Length; s++)
        {
            var y = Bottom + 30 + (s * 13);
            Append(svg, $"<rect x=\"{x0 + Left}\" y=\"{y - 9}\" width=\"10\" height=\"10\" fill=\"{s_colors[s % s_colors.Length]}\"/>");
            Append(svg, $"<text x=\"{x0 + Left + 14}\" y=\"{y}\">{Escape(series[s].Name)}</text>");
        }
    }

    private static string Format(double value) => value.ToString(value >= 100 ? "0" : value >= 10 ? "0.#" : "0.##", CultureInfo.InvariantCulture);

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static void Append(StringBuilder svg, FormattableString line) => svg.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
