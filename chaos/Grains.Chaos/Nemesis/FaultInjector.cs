using System.Globalization;
using Grains.Chaos.Cluster;
using Grains.Chaos.Workload;
using Grains.Hosting.Cluster;
using StackExchange.Redis;

namespace Grains.Chaos.Nemesis;

/// <summary>
/// Injects faults into the cluster on a schedule while the workload runs: one at a time, each undone and the cluster
/// healthy again before the next. The schedule is drawn from a seeded random source, so a run can be repeated.
/// </summary>
public sealed class FaultInjector(ChaosCluster cluster, NemesisOptions options, int seed, TextWriter log)
{
    private readonly Random _random = new(seed);
    private readonly List<Fault> _faults = [];
    private readonly Queue<FaultKind> _bag = new();
    private readonly List<UnexpectedExit> _exits = [];

    public IReadOnlyList<Fault> Faults => _faults;

    /// <summary>Processes that ended although no fault stopped them; each was replaced, as a supervisor would.</summary>
    public IReadOnlyList<UnexpectedExit> UnexpectedExits => _exits;

    /// <summary>
    /// Waits until the cluster is healthy again, replacing any silo or gateway that ended by itself meanwhile (it is
    /// recorded, and breaks an invariant). False when it did not heal within <see cref="NemesisOptions.HealTimeout"/>.
    /// </summary>
    public async Task<bool> HealAsync()
    {
        var deadline = DateTime.UtcNow + options.HealTimeout;
        while (true)
        {
            try
            {
                await ReplaceExitedAsync();
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
            {
                await log.WriteLineAsync($"a replacement did not start: {ex.Message}");
            }

            if (await cluster.IsHealthyAsync())
            {
                return true;
            }

            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Injects faults until <paramref name="duration"/> has passed since the call and every kind was used at least once;
    /// the last fault is always undone. On a busy machine, where a replacement silo takes longer to join than the
    /// interval, the first round of kinds can outlast a short duration: it is finished all the same, so that even the
    /// short run exercises every kind. Cancellation is seen between faults, so that an injected fault is always undone.
    /// </summary>
    public async Task RunAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var end = DateTime.UtcNow + duration;
        var next = DateTime.UtcNow + options.Interval;
        while (next < end || _faults.Count < options.Faults.Count)
        {
            await Task.Delay(next - DateTime.UtcNow is { Ticks: > 0 } wait ? wait : TimeSpan.Zero, cancellationToken);
            next = DateTime.UtcNow + options.Interval;
            var fault = await InjectAsync(NextKind(), _faults.Count + 1);
            _faults.Add(fault);
            await log.WriteLineAsync(Describe(fault));
        }
    }

    private FaultKind NextKind()
    {
        if (_bag.Count == 0)
        {
            foreach (var kind in options.Faults.OrderBy(_ => _random.Next()))
            {
                _bag.Enqueue(kind);
            }
        }

        return _bag.Dequeue();
    }

    private async Task<Fault> InjectAsync(FaultKind kind, int number)
    {
        Fault fault;
        try
        {
            fault = kind switch
            {
                FaultKind.Kill => await KillSiloAsync(number),
                FaultKind.Terminate => await TerminateSiloAsync(number),
                FaultKind.Pause => await PauseSiloAsync(number),
                FaultKind.Gateway => await KillGatewayAsync(number),
                _ => await RestartRedisAsync(number),
            };
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            return new Fault(number, kind, "?", RunClock.Now(), Error: ex.Message);
        }

        return await WaitForHealthAsync(fault);
    }

    private Task<Fault> KillSiloAsync(int number) =>
        ReplaceSiloAsync(number, FaultKind.Kill, victim =>
        {
            victim.Process.Kill();
            return Task.CompletedTask;
        }, TimeSpan.FromSeconds(10), _ => null, "survived SIGKILL");

    // A graceful stop finishes when the silo leaves and exits with success; any other exit code means it did not get
    // to leave (Orleans stops a silo that learns it was declared dead with FailFast, exit code 134).
    private Task<Fault> TerminateSiloAsync(int number) =>
        ReplaceSiloAsync(number, FaultKind.Terminate, victim =>
        {
            victim.Process.Terminate();
            return Task.CompletedTask;
        }, options.GracefulStopTimeout, code => code == 0, $"did not stop within {options.GracefulStopTimeout.TotalSeconds:0} s of SIGTERM");

    // A resumed zombie learns it was declared dead and Orleans ends it with FailFast (exit code 134): that, or any
    // other exit, is the zombie stopping by itself.
    private Task<Fault> PauseSiloAsync(int number) =>
        ReplaceSiloAsync(number, FaultKind.Pause, async victim =>
        {
            victim.Process.Pause();
            await Task.Delay(options.PauseDuration);
            victim.Process.Resume();
        }, options.ZombieExitTimeout, _ => true, $"still running {options.ZombieExitTimeout.TotalSeconds:0} s after SIGCONT: a zombie");

    /// <summary>
    /// Stops a silo that hosts grains by <paramref name="stop"/>, waits for its process to end (killing it if it does
    /// not), and starts a replacement. <paramref name="finished"/> says whether an exit code is the one the fault
    /// expects of a silo that stops by itself; null for faults that stop the silo outright.
    /// </summary>
    private async Task<Fault> ReplaceSiloAsync(
        int number, FaultKind kind, Func<ClusterProcess, Task> stop, TimeSpan exitTimeout, Func<int, bool?> finished, string notExited)
    {
        var victim = PickSilo();
        var startedAt = RunClock.Now();
        await stop(victim);
        var exited = await victim.Process.WaitForExitAsync(exitTimeout);
        cluster.Retire(victim);

        // A paused silo that was never declared dead (its peers, starved on a busy machine, did not see its silence in
        // time) is no zombie when it resumes: it still owns its grains and may go on serving. Read before the kill
        // below, which the survivors would soon turn into a death.
        var unnoticed = !exited && kind == FaultKind.Pause && !await WasDeclaredDeadAsync(victim);
        if (!exited)
        {
            victim.Process.Kill();
            await victim.Process.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }

        var exitCode = ExitCodeOf(victim);
        var bySelf = exited ? finished(victim.Process.ExitCode) : (kind == FaultKind.Kill || unnoticed ? null : false);
        var error = unnoticed ? "resumed, not declared dead: no zombie; stopped with SIGKILL"
            : !exited ? notExited
            : bySelf == false ? $"exited with code {exitCode}" : null;
        var replacement = await cluster.StartSiloAsync();
        return new Fault(number, kind, victim.Name, startedAt, RunClock.Now(), Replacement: replacement.Name,
            ExitCode: exitCode, ExitedBySelf: bySelf, Error: error);
    }

    /// <summary>Whether the membership table holds <paramref name="silo"/> as dead; true when it cannot be read, so that a doubt counts against the silo.</summary>
    private async Task<bool> WasDeclaredDeadAsync(ClusterProcess silo)
    {
        try
        {
            var rows = await cluster.ReadMembershipAsync();
            return rows.Where(r => r.Name == silo.Name).All(r => r.Status == MembershipStatus.Dead);
        }
        catch (RedisException)
        {
            return true;
        }
    }

    private async Task<Fault> KillGatewayAsync(int number)
    {
        var index = _random.Next(cluster.GatewayUrls.Count);
        var victim = cluster.Gateway(index)!;
        var startedAt = RunClock.Now();
        victim.Process.Kill();
        await victim.Process.WaitForExitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(options.GatewayDowntime);
        await cluster.StartGatewayAsync(index);
        return new Fault(number, FaultKind.Gateway, victim.Name, startedAt, RunClock.Now());
    }

    private async Task<Fault> RestartRedisAsync(int number)
    {
        var startedAt = RunClock.Now();
        await cluster.Redis.RestartAsync();
        return new Fault(number, FaultKind.Redis, "redis", startedAt, RunClock.Now());
    }

    private async Task<Fault> WaitForHealthAsync(Fault fault) =>
        await HealAsync()
            ? fault with { HealthyAt = RunClock.Now() }
            : fault with { Error = $"{fault.Error} the cluster was not healthy within {options.HealTimeout.TotalSeconds:0} s".Trim() };

    private async Task ReplaceExitedAsync()
    {
        foreach (var silo in cluster.Silos.Where(s => s.Process.HasExited))
        {
            cluster.Retire(silo);
            await NoteExitAsync(silo);
            await cluster.StartSiloAsync();
        }

        for (var i = 0; i < cluster.GatewayUrls.Count; i++)
        {
            if (cluster.Gateway(i) is { Process.HasExited: true } gateway)
            {
                await NoteExitAsync(gateway);
                await cluster.StartGatewayAsync(i);
            }
        }
    }

    private async Task NoteExitAsync(ClusterProcess process)
    {
        var output = string.Join(Environment.NewLine, process.Process.RecentOutput.Split(Environment.NewLine).TakeLast(40));
        _exits.Add(new UnexpectedExit(process.Name, process.Process.ExitCode, RunClock.Now(), output));
        await log.WriteLineAsync($"unexpected: {process} exited with code {process.Process.ExitCode} without a fault; starting a replacement");
    }

    /// <summary>
    /// A random silo among those that host grains (by their activation journals), so that every silo fault has grains
    /// to fail over; any silo when none does. The draw depends only on the seed and the silos' order, so a run's
    /// schedule of fault kinds repeats, and its victims as far as the journals do.
    /// </summary>
    private ClusterProcess PickSilo()
    {
        var silos = cluster.Silos;
        var hosting = silos.Where(cluster.HasHostedGrains).ToList();
        var candidates = hosting.Count > 0 ? hosting : silos;
        return candidates[_random.Next(candidates.Count)];
    }

    private static int? ExitCodeOf(ClusterProcess process) => process.Process.HasExited ? process.Process.ExitCode : null;

    private static string Describe(Fault fault)
    {
        var healthy = fault.HealthyAt is { } at ? $"healthy after {(at - fault.StartedAt) / 1000.0:0.0} s" : "NOT HEALTHY";
        var replacement = fault.Replacement is null ? string.Empty : $", replaced by {fault.Replacement}";
        var exit = fault.ExitCode is { } code ? $", exit code {code}" : string.Empty;
        var error = fault.Error is null ? string.Empty : $" ({fault.Error})";
        var startedAt = DateTimeOffset.FromUnixTimeMilliseconds(fault.StartedAt).ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
        return $"fault {fault.Number,3} at {startedAt}: {fault.Kind,-9} {fault.Target}{exit}{replacement}; {healthy}{error}";
    }
}
