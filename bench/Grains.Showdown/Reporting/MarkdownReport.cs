using System.Globalization;
using System.Text;
using Grains.Showdown.Load;
using Grains.Testing;

namespace Grains.Showdown.Reporting;

/// <summary>showdown.md: the setup, every figure of the run, the goals reached or missed.</summary>
internal static class MarkdownReport
{
    public static string Write(ShowdownReport report, IReadOnlyList<ArchitectureRun> runs, ShowdownSettings settings)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(settings);
        var md = new StringBuilder();
        Line(md, $"# Architecture showdown: in memory, stateless on Redis, and Orleans grains served where they live");
        Line(md);
        Line(md, $"- **Command:** `{report.Command}`{(settings.Quick ? " (the short mode: too short for figures worth quoting)" : string.Empty)}");
        Line(md, $"- **Date:** {report.Date}");
        Line(md, $"- **Machine:** {report.Machine}; load average (1, 5, 15 min) {report.LoadAverageAtStart} at the start and {report.LoadAverageAtEnd} at the end. Compare architectures by the ratios below, measured minutes apart in the same run.");
        Line(md);
        Line(md, $"![throughput, p99 latency and kill cost per architecture](showdown.svg)");
        Line(md);
        Line(md, $"## Setup");
        Line(md);
        Line(md, $"Every process runs on this machine on 127.0.0.1, every .NET process built in {RepositoryPaths.Configuration}, with workstation GC. One `redis-server` (no persistence) serves the architectures in turn and is emptied between them. Each architecture sits behind the same reverse proxy, `Grains.Proxy` (YARP's forwarder): for Orleans it is the product's own gateway (`src/Grains.Gateway`), which reads the silos from Redis and sends each user's requests to the silo that holds the user's grains; for the others it is `bench/Grains.Showdown.Server` in proxy mode with a fixed list of two servers. Only the policy that picks the backend differs. Redis runs without persistence (the stateless servers and the silos use it alike, so an acknowledged write is in Redis' memory); the chaos suite measures the system with `appendfsync always` instead.");
        Line(md);
        Line(md, $"| architecture | processes | killed |");
        Line(md, $"|---|---|---|");
        foreach (var run in runs)
        {
            Line(md, $"| {run.Figures.Name} | {run.Shape} | {run.Victim} |");
        }

        Line(md);
        Line(md, $"The load generator (this tool, in its own process, not counted) signs in {settings.Users} users. **Saturation** (closed loop): {settings.WorkersPerUser} workers per user ({settings.Workers} requests in flight; two workers of one user change the same cart at once), each sending its next request when the last was answered; {S(settings.WarmUp)} warm-up (mixed), then {settings.Rounds} {(settings.Rounds == 1 ? "round" : "rounds")} of {S(settings.ReadPhase)} of `GET /api/cart` only and {S(settings.WritePhase)} of `POST /api/cart/items` only (one unit of a random product; a line is not added to past {ShowdownSettings.MaxUnitsPerLine} units, a read is sent instead), reads first in odd rounds and writes first in even ones. **Fixed rate** (open loop): {S(settings.FixedRatePhase)} of reads, then {S(settings.FixedRatePhase)} of adds, spread over {settings.FixedRateUsers} more users in turn (each user's cart read once, untimed, before: steady users, not first requests), each request sent when it is due and timed from then, so a stall cannot hide (no coordinated omission); at most {OpenLoopGenerator.MaxInFlight} wait at once, and one due beyond that is not sent and counts as failed. **Shared cart**: {ShowdownSettings.SharedCartWriters} writers adding to one cart for {S(settings.SharedCartPhase)}. **Large carts**: {settings.LargeCartUsers} users whose carts hold {ShowdownSettings.LargeCartLines} lines, read for {S(settings.LargeCartPhase)}. **Kill**: {S(settings.BeforeKill + settings.AfterKill)} mixed ({F($"{ShowdownSettings.WriteShare:P0}")} adds) with a SIGKILL of one server process after {S(settings.BeforeKill)}. Adds carry no Idempotency-Key. CPU per request is the CPU time of every server-side process (proxy, API servers, gateway, silos, Redis) from /proc/<pid>/stat over the saturation phases, divided by their requests; store operations per request are the Redis commands counted by `INFO commandstats` over the same phases (commands run inside Lua scripts count).");
        Line(md);
        Line(md, $"## Saturation");
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
        var client = Find(report, "orleans-client");
        if (stateful is not null && stateless is not null && orleans is not null)
        {
            Line(md, $"Ratios in this run: Orleans reads/s are {Ratio(orleans.Read.Rps, stateless.Read.Rps)}x the stateless servers' and {Ratio(orleans.Read.Rps, stateful.Read.Rps)}x the in-memory servers'; Orleans writes/s are {Ratio(orleans.Write.Rps, stateless.Write.Rps)}x stateless and {Ratio(orleans.Write.Rps, stateful.Write.Rps)}x in-memory. CPU per request: Orleans {Ratio(orleans.CpuMsPerRequest, stateless.CpuMsPerRequest)}x stateless, in-memory {Ratio(stateful.CpuMsPerRequest, stateless.CpuMsPerRequest)}x stateless.{(client is null ? string.Empty : F($" The same silos behind Orleans-client API servers (the former shape): reads {Ratio(client.Read.Rps, stateless.Read.Rps)}x stateless, writes {Ratio(client.Write.Rps, stateless.Write.Rps)}x, CPU per request {Ratio(client.CpuMsPerRequest, stateless.CpuMsPerRequest)}x."))}");
            Line(md);
        }

        Line(md, $"**Where the CPU goes**, µs per request of the saturation phases, by process (instances summed):");
        Line(md);
        Line(md, $"| architecture | a read | an add |");
        Line(md, $"|---|---|---|");
        foreach (var a in report.Architectures)
        {
            Line(md, $"| {a.Name} | {ByProcess(a.CpuUsByProcess.Read)} | {ByProcess(a.CpuUsByProcess.Write)} |");
        }

        Line(md);
        var statelessRun = runs.FirstOrDefault(r => r.Figures.Name == "stateless");
        if (statelessRun is { WriteRetries: { } retries })
        {
            Line(md, $"**Stateless write retries:** the Lua compare-and-set refused {retries} attempts in the write phases, because the user's other worker had changed the cart since it was read; each was read and tried again: {Ratio(retries, statelessRun.Writes)} retries per acknowledged add ({statelessRun.Writes} adds).");
            Line(md);
        }

        Line(md, $"## At a fixed offered rate");
        Line(md);
        Line(md, $"The offered rate is {F($"{report.Architectures.FirstOrDefault()?.FixedRate.OfferedRps ?? 0:0}")} requests/s: {(settings.OfferedRps is null ? F($"{ShowdownSettings.FixedRateShare:P0} of the stateless architecture's saturation throughput (the lower of reads and writes), measured first in this run") : "given on the command line")}. An architecture that cannot keep up answers fewer per second than offered, and its latency grows with the queue. The load generator paces requests from a thread of its own, sleeping a millisecond at a time, so a request leaves up to about a millisecond after it was due, more when the machine is busy; that lateness counts in every latency here, the same way for every architecture, and the last column shows it (the larger of the reads' and the adds').");
        Line(md);
        Line(md, $"| architecture | reads/s answered | read p50 | read p95 | read p99 | adds/s answered | add p50 | add p95 | add p99 | failed | sent late p50 / p99 |");
        Line(md, $"|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var run in runs)
        {
            var f = run.Figures.FixedRate;
            Line(md, $"| {run.Figures.Name} | {f.Read.Rps:0} | {f.Read.P50Ms:0.00} ms | {f.Read.P95Ms:0.00} ms | {f.Read.P99Ms:0.00} ms | {f.Write.Rps:0} | {f.Write.P50Ms:0.00} ms | {f.Write.P95Ms:0.00} ms | {f.Write.P99Ms:0.00} ms | {run.FixedReads.FailedRequests + run.FixedWrites.FailedRequests} | {Math.Max(run.FixedReads.SentLate.P50Ms, run.FixedWrites.SentLate.P50Ms):0.00} / {Math.Max(run.FixedReads.SentLate.P99Ms, run.FixedWrites.SentLate.P99Ms):0.00} ms |");
        }

        Line(md);
        Line(md, $"## Network round trips");
        Line(md);
        Line(md, $"Every process here talks over loopback, where a round trip costs microseconds, and this machine's kernel cannot inject delay (it has no `netem`). So the round trips each request makes behind the proxy are counted from the code path, and what they would add at a datacenter round trip of 0.2 ms and of 1 ms is a stated model, not a measurement. The client's own hop to the proxy is the same for all and not counted.");
        Line(md);
        Line(md, $"| architecture | read | add | added to a read at 0.2 ms / 1 ms | added to an add at 0.2 ms / 1 ms | where they come from |");
        Line(md, $"|---|---:|---:|---:|---:|---|");
        foreach (var run in runs)
        {
            var t = run.Figures.NetworkRoundTrips;
            Line(md, $"| {run.Figures.Name} | {t.Read:0.#} | {t.Write:0.#} | {t.ReadMsAt02:0.0#} / {t.ReadMsAt1:0.0#} ms | {t.WriteMsAt02:0.0#} / {t.WriteMsAt1:0.0#} ms | {run.RoundTrips} |");
        }

        Line(md);
        Line(md, $"## One shared cart, {ShowdownSettings.SharedCartWriters} writers");
        Line(md);
        Line(md, $"| architecture | adds/s | p50 | p99 | failed | compare-and-set retries |");
        Line(md, $"|---|---:|---:|---:|---:|---:|");
        foreach (var a in report.Architectures)
        {
            var c = a.SharedCart;
            Line(md, $"| {a.Name} | {c.Rps:0} | {c.P50Ms:0.00} ms | {c.P99Ms:0.00} ms | {c.Failed} | {(c.Retries is { } r ? F($"{r}") : "none: one writer at a time")} |");
        }

        Line(md);
        Line(md, $"The in-memory servers and the grains take one change of a cart at a time, in memory; the stateless servers read, change and compare-and-set, and start again when another writer got in first.");
        Line(md);
        Line(md, $"## Large carts ({ShowdownSettings.LargeCartLines} lines), read");
        Line(md);
        Line(md, $"| architecture | reads/s | p50 | p95 | p99 |");
        Line(md, $"|---|---:|---:|---:|---:|");
        foreach (var a in report.Architectures)
        {
            Line(md, $"| {a.Name} | {a.LargeCarts.Rps:0} | {a.LargeCarts.P50Ms:0.00} ms | {a.LargeCarts.P95Ms:0.00} ms | {a.LargeCarts.P99Ms:0.00} ms |");
        }

        Line(md);
        Line(md, $"## kill -9 of one server process, mid-run");
        Line(md);
        Line(md, $"| architecture | killed | requests in the phase | failed requests | sessions lost | cart lines lost / lines with acknowledged adds | every user served again after | failures by status |");
        Line(md, $"|---|---|---:|---:|---:|---:|---:|---|");
        foreach (var run in runs)
        {
            var k = run.Figures.Kill;
            var recovery = k.RecoverySeconds is { } r ? F($"{r:0.00} s") : F($"not within the phase ({run.UsersNotServedAgain} users never served again)");
            Line(md, $"| {run.Figures.Name} | {run.Victim} | {run.KillPhaseRequests} | {k.FailedRequests} | {k.SessionsLost} | {k.CartLinesLost} / {run.AcknowledgedLines} ({run.AcknowledgedAdds} adds acknowledged in the run{(run.UnreadCarts > 0 ? F($", {run.UnreadCarts} carts unreadable") : string.Empty)}) | {recovery} | {Statuses(run.KillFailures)} |");
        }

        Line(md);
        Line(md, $"A session is lost when a token issued before the kill is refused (401) after it; the user then signs in again. A cart line is lost when, read back after the load, it holds fewer units than the adds acknowledged for it (a failed add may or may not have been applied, so it is not counted); every user's cart is read back, those of the shared-cart and large-cart phases included. \"Served again\" is a cart request started after the kill and answered 200. Status 0 is a request that got no answer; 503 is the proxy's answer when a server died with a request in it that was not safe to repeat.");
        Line(md);
        Line(md, $"## Goals");
        Line(md);
        if (stateful is null || stateless is null || orleans is null)
        {
            Line(md, $"Not every architecture ran; no goal is judged.");
            return md.ToString();
        }

        var readRatio = orleans.Read.Rps / stateless.Read.Rps;
        var readInMemory = orleans.Read.Rps / stateful.Read.Rps;
        var writeRatio = orleans.Write.Rps / stateless.Write.Rps;
        var cpuRatio = orleans.CpuMsPerRequest / stateless.CpuMsPerRequest;
        Line(md, $"| goal | measured | reached |");
        Line(md, $"|---|---|---|");
        Line(md, $"| Orleans reads, saturation: at least 1.4x stateless | {readRatio:0.00}x | {YesNo(readRatio >= 1.4)} |");
        Line(md, $"| ... and at least 0.8x in-memory | {readInMemory:0.00}x | {YesNo(readInMemory >= 0.8)} |");
        Line(md, $"| Orleans writes, saturation: at least 1.0x stateless | {writeRatio:0.00}x | {YesNo(writeRatio >= 1.0)} |");
        Line(md, $"| Orleans read p99 at the fixed rate below stateless | {orleans.FixedRate.Read.P99Ms:0.00} ms vs {stateless.FixedRate.Read.P99Ms:0.00} ms | {YesNo(orleans.FixedRate.Read.P99Ms < stateless.FixedRate.Read.P99Ms)} |");
        Line(md, $"| Orleans write p99 at the fixed rate below stateless | {orleans.FixedRate.Write.P99Ms:0.00} ms vs {stateless.FixedRate.Write.P99Ms:0.00} ms | {YesNo(orleans.FixedRate.Write.P99Ms < stateless.FixedRate.Write.P99Ms)} |");
        Line(md, $"| Orleans CPU per request at most 0.8x stateless | {cpuRatio:0.00}x | {YesNo(cpuRatio <= 0.8)} |");
        Line(md, $"| a kill loses no session and no cart line on Orleans | {orleans.Kill.SessionsLost} sessions, {orleans.Kill.CartLinesLost} lines | {YesNo(orleans.Kill.SessionsLost == 0 && orleans.Kill.CartLinesLost == 0)} |");
        Line(md, $"| the in-memory architecture does lose them | {stateful.Kill.SessionsLost} sessions, {stateful.Kill.CartLinesLost} lines | {YesNo(stateful.Kill.SessionsLost > 0 && stateful.Kill.CartLinesLost > 0)} |");
        Line(md);
        Line(md, $"Locality (the share of requests served with every grain call in-process) and failover times are measured by their own commands: docs/benchmarks.md and docs/chaos.md.");
        return md.ToString();
    }

    private static string ByProcess(IReadOnlyDictionary<string, double> cpu) =>
        F($"{cpu.Values.Sum():0} = ") + string.Join(" + ", cpu.Select(c => F($"{c.Value:0} {c.Key}")));

    private static ArchitectureFigures? Find(ShowdownReport report, string name) => report.Architectures.FirstOrDefault(a => a.Name == name);

    private static string Statuses(IReadOnlyDictionary<int, int> failures) =>
        failures.Count == 0 ? "none" : string.Join(", ", failures.OrderBy(f => f.Key).Select(f => F($"{f.Key}: {f.Value}")));

    private static string Ratio(double value, double baseline) => baseline == 0 ? "n/a" : F($"{value / baseline:0.00}");

    private static string YesNo(bool reached) => reached ? "yes" : "**no**";

    private static string S(TimeSpan duration) => F($"{duration.TotalSeconds:0} s");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder md, FormattableString? text = null) => md.Append(text?.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
