namespace Grains.Chaos.Nemesis;

/// <summary>
/// One injected fault. Times are <see cref="Workload.RunClock"/> milliseconds: when it was injected, when the
/// nemesis had undone it (replacement started, process resumed, server back) and when the whole cluster was healthy again.
/// </summary>
/// <param name="Target">The process hit: a silo or gateway name, or <c>redis</c>.</param>
/// <param name="Replacement">The silo started in place of a stopped one.</param>
/// <param name="ExitCode">For a stopped or paused silo: how its process ended (134 is Orleans' FailFast of a silo told it is dead).</param>
/// <param name="ExitedBySelf">
/// For a paused silo: whether it exited by itself after SIGCONT, as a silo declared dead must. For a terminated silo:
/// whether its graceful stop finished, with exit code 0, in time. Null for a kill, and for a pause that no peer noticed
/// (the silo was not declared dead, so it was no zombie when it resumed).
/// </param>
public sealed record Fault(
    int Number,
    FaultKind Kind,
    string Target,
    long StartedAt,
    long? HealedAt = null,
    long? HealthyAt = null,
    string? Replacement = null,
    int? ExitCode = null,
    bool? ExitedBySelf = null,
    string? Error = null);
