using System.Globalization;
using System.Text;
using Grains.Testing;

namespace Grains.Showdown.Reporting;

/// <summary>showdown.md: the setup, every figure of the run, the goals reached or missed, and why.</summary>
internal static class MarkdownReport
{
    public static string Write(ShowdownReport report, IReadOnlyList<ArchitectureRun> runs, ShowdownSettings settings)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(settings);
        var md = new StringBuilder();
        Line(md, $"# Architecture showdown: stateful in memory, stateless on Redis, Orleans grains");
        Line(md);
        Line(md, $"- **Command:** `{report.Command}`{(settings.Quick ? " (the short mode: too short for figures worth quoting)" : string.Empty)}");
        Line(md, $"- **Date:** {report.Date}");
        Line(md, $"- **Machine:** {report.Machine}. Other work shared the machine during the run, so absolute figures move from run to run; compare architectures by the ratios below, measured minutes apart in the same run.");
        Line(md);
        Line(md, $"![throughput, p99 latency and kill cost per architecture](showdown.svg)");
        Line(md);
        Line(md, $"## Setup");
        Line(md);
        Line(md, $"Every process runs on this machine on 127.0.0.1, every .NET process built in {RepositoryPaths.Configuration}, with workstation GC. One `redis-server` (no persistence) serves all three in turn and is emptied between them. The same front process, `bench/Grains.Showdown.Server` in router mode, stands before each, so each pays the same extra hop; a router rather than the load generator spreading requests, because the stateful servers' stickiness lives in a load balancer in practice. Each architecture has two API processes; Orleans also needs its two silos, where the state lives, so it runs five .NET processes against three, and all of them count in its CPU per request. Redis runs without persistence (as the stateless servers and the silos use it alike, an acknowledged write is in Redis' memory); the chaos suite measures the system with `appendfsync always` instead.");
        Line(md);
        Line(md, $"| architecture | processes | killed |");
        Line(md, $"|---|---|---|");
        foreach (var run in runs)
        {
            Line(md, $"| {run.Figures.Name} | {run.Shape} | {run.Victim} |");
        }

        Line(md);
        Line(md, $"The load generator (this tool, in its own process, not counted) signs in {settings.Users} users and runs {settings.WorkersPerUser} closed-loop workers per user ({settings.Workers} requests in flight; two workers of one user change the same cart at once). Phases: {S(settings.WarmUp)} warm-up (mixed); {settings.Rounds} {(settings.Rounds == 1 ? "round" : "rounds")} of {S(settings.ReadPhase)} of `GET /api/cart` only and {S(settings.WritePhase)} of `POST /api/cart/items` only (one unit of one of 24 SKUs; a line is not added to past {ShowdownSettings.MaxUnitsPerLine} units, a read is sent instead), reads first in odd rounds and writes first in even ones, so that neither kind always meets the warmer processes; then {S(settings.BeforeKill + settings.AfterKill)} mixed ({settings.WriteShareText()} adds) with a SIGKILL of one server process after {S(settings.BeforeKill)}. Adds carry no Idempotency-Key. CPU per request is the CPU time of every server-side process (router, API servers or gateways and silos, and Redis) from /proc/<pid>/stat over the read and write phases, divided by their requests; store operations per request are the Redis commands counted by `INFO commandstats` over the same phases (commands run inside Lua scripts count).");
        Line(md);
        Line(md, $"## Under load");
        Line(md);
        Line(md, $"| architecture | reads/s | read p50 | read p95 | read p99 | writes/s | write p50 | write p95 | write p99 | CPU ms/request | store ops/request |");
        Line(md, $"|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var a in report.Architectures)
        {
            Line(md, $"| {a.Name} | {a.Read.Rps:0} | {a.Read.P50Ms:0.00} ms | {a.Read.P95Ms:0.00} ms | {a.Read.P99Ms:0.00} ms | {a.Write.Rps:0} | {a.Write.P50Ms:0.00} ms | {a.Write.P95Ms:0.00} ms | {a.Write.P99Ms:0.00} ms | {a.CpuMsPerRequest:0.000} | {a.StoreOpsPerRequest:0.00} |");
        }

        Line(md);
        var stateful = Find(report, "stateful");
        var stateless = Find(report, "stateless");
        var orleans = Find(report, "orleans");
        var statelessRun = runs.FirstOrDefault(r => r.Figures.Name == "stateless");
        if (statelessRun is { WriteRetries: { } retries })
        {
            Line(md, $"**Stateless write retries:** the Lua compare-and-set refused {retries} attempts in the write phases, because the user's other worker had changed the cart since it was read; each was read and tried again. That is {Ratio(retries, statelessRun.Writes)} retries per acknowledged add ({statelessRun.Writes} adds).{(statelessRun.Figures.Kill.CartLinesLost == 0 ? " No acknowledged add was lost to the race: every cart read back at the end holds at least the acknowledged units." : string.Empty)}");
            Line(md);
        }

        if (stateful is not null && stateless is not null && orleans is not null)
        {
            Line(md, $"Ratios in this run: Orleans reads/s are {Ratio(orleans.Read.Rps, stateless.Read.Rps)}x the stateless servers' and {Ratio(orleans.Read.Rps, stateful.Read.Rps)}x the in-memory servers'; Orleans writes/s are {Ratio(orleans.Write.Rps, stateless.Write.Rps)}x stateless and {Ratio(orleans.Write.Rps, stateful.Write.Rps)}x in-memory. Read p99: Orleans {Ratio(orleans.Read.P99Ms, stateless.Read.P99Ms)}x stateless. CPU per request: Orleans {Ratio(orleans.CpuMsPerRequest, stateless.CpuMsPerRequest)}x stateless, in-memory {Ratio(stateful.CpuMsPerRequest, stateless.CpuMsPerRequest)}x stateless.");
            Line(md);
        }

        Line(md, $"## kill -9 of one server process, mid-run");
        Line(md);
        Line(md, $"| architecture | killed | requests in the phase | failed requests | sessions lost | cart lines lost / lines with acknowledged adds | every user served again after | failures by status |");
        Line(md, $"|---|---|---:|---:|---:|---:|---:|---|");
        foreach (var run in runs)
        {
            var k = run.Figures.Kill;
            var recovery = k.RecoverySeconds is { } r ? F($"{r:0.00} s") : F($"not within the phase ({run.UsersNotServedAgain} users never served again)");
            Line(md, $"| {run.Figures.Name} | {run.Victim} | {run.KillPhaseRequests} | {k.FailedRequests} | {k.SessionsLost} of {settings.Users} | {k.CartLinesLost} / {run.AcknowledgedLines} ({run.AcknowledgedAdds} adds acknowledged in the run{(run.UnreadCarts > 0 ? F($", {run.UnreadCarts} carts unreadable") : string.Empty)}) | {recovery} | {Statuses(run.KillFailures)} |");
        }

        Line(md);
        Line(md, $"A session is lost when a token issued before the kill is refused (401) after it; the user then signs in again. A cart line is lost when, read back after the load, it holds fewer units than the adds acknowledged for it (a failed add may or may not have been applied, so it is not counted). \"Served again\" is a cart request started after the kill and answered 200. Status 0 is a request that got no answer; 502 is the router's answer when a server died with the request in it.");
        Line(md);
        Line(md, $"## Goals");
        Line(md);
        if (stateful is null || stateless is null || orleans is null)
        {
            Line(md, $"Not every architecture ran; no goal is judged.");
            return md.ToString();
        }

        var readRatio = orleans.Read.Rps / stateless.Read.Rps;
        var writeRatio = orleans.Write.Rps / stateless.Write.Rps;
        Line(md, $"| goal | measured | reached |");
        Line(md, $"|---|---|---|");
        Line(md, $"| Orleans cart reads at least 1.5x stateless throughput | {readRatio:0.00}x | {YesNo(readRatio >= 1.5)} |");
        Line(md, $"| ... with a lower p99 | {orleans.Read.P99Ms:0.00} ms vs {stateless.Read.P99Ms:0.00} ms | {YesNo(orleans.Read.P99Ms < stateless.Read.P99Ms)} |");
        Line(md, $"| Orleans writes within 20% of stateless throughput | {writeRatio:0.00}x | {YesNo(writeRatio >= 0.8)} |");
        Line(md, $"| a kill loses no session and no cart line on Orleans | {orleans.Kill.SessionsLost} sessions, {orleans.Kill.CartLinesLost} lines | {YesNo(orleans.Kill.SessionsLost == 0 && orleans.Kill.CartLinesLost == 0)} |");
        Line(md, $"| the stateful architecture does lose them | {stateful.Kill.SessionsLost} sessions, {stateful.Kill.CartLinesLost} lines | {YesNo(stateful.Kill.SessionsLost > 0 && stateful.Kill.CartLinesLost > 0)} |");
        Line(md);
        if (readRatio < 1.5 || writeRatio < 0.8)
        {
            Line(md, $"Why the throughput goals are missed here: with {settings.Workers} requests in flight on two shared cores the run is CPU-bound, so throughput follows CPU per request, and Orleans spends {Ratio(orleans.CpuMsPerRequest, stateless.CpuMsPerRequest)}x the stateless CPU per request ({orleans.CpuMsPerRequest:0.000} ms against {stateless.CpuMsPerRequest:0.000} ms, Redis included). A stateless read is the router hop, the HTTP server and one pipelined Redis round trip (GETEX of the session and HMGET of the cart), which Redis executes in microseconds of C. An Orleans read is the router hop, the gateway's HTTP server, and then two grain calls one after the other (the session grain checks and slides the session, then the cart grain answers), each serialized to a silo over TCP and back; the store round trip is saved but replaced by two. What would close the gap: answer the session check without a grain call (a token signed with its expiry, revocation pushed to the gateways), host the HTTP endpoint in the silos so that a call to a local grain needs no network hop, and give the silos the cores the gateways use now.");
        }

        return md.ToString();
    }

    private static ArchitectureFigures? Find(ShowdownReport report, string name) => report.Architectures.FirstOrDefault(a => a.Name == name);

    private static string Statuses(IReadOnlyDictionary<int, int> failures) =>
        failures.Count == 0 ? "none" : string.Join(", ", failures.OrderBy(f => f.Key).Select(f => F($"{f.Key}: {f.Value}")));

    private static string Ratio(double value, double baseline) => baseline == 0 ? "n/a" : F($"{value / baseline:0.00}");

    private static string YesNo(bool reached) => reached ? "yes" : "**no**";

    private static string S(TimeSpan duration) => F($"{duration.TotalSeconds:0} s");

    private static string WriteShareText(this ShowdownSettings settings) => F($"{ShowdownSettings.WriteShare:P0}");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder md, FormattableString? text = null) => md.Append(text?.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
