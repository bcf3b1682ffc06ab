using Grains.Showdown.Load;

namespace Grains.Showdown.Reporting;

/// <summary>One architecture's figures with what the report says about them beyond showdown.json.</summary>
/// <param name="RoundTrips">Where the network round trips of a read and of an add come from, in words.</param>
/// <param name="Processes">The server-side processes measured, by name (Redis included).</param>
/// <param name="MeasuredRequests">Requests of the read and write phases, the denominator of the per-request figures.</param>
/// <param name="WriteRetries">Compare-and-set attempts the stateless servers tried again in the write phase; null where there is no such thing.</param>
/// <param name="Writes">Adds acknowledged in the write phase.</param>
/// <param name="AcknowledgedAdds">Adds acknowledged over the whole run, and <paramref name="AcknowledgedLines"/> the (user, SKU) lines they made.</param>
/// <param name="KillFailures">Failed requests of the kill phase, by status (0: no answer).</param>
/// <param name="UnreadCarts">Carts that could not be read back at the end (their lines count as lost).</param>
/// <param name="FixedReads">The open-loop reads, with their failures, and <paramref name="FixedWrites"/> the adds.</param>
internal sealed record ArchitectureRun(
    ArchitectureFigures Figures,
    string Shape,
    string Victim,
    string RoundTrips,
    IReadOnlyList<string> Processes,
    long MeasuredRequests,
    double CpuSeconds,
    long StoreOps,
    long? WriteRetries,
    long Writes,
    long AcknowledgedAdds,
    int AcknowledgedLines,
    IReadOnlyDictionary<int, int> KillFailures,
    int UsersNotServedAgain,
    int UnreadCarts,
    long KillPhaseRequests,
    OpenLoopResult FixedReads,
    OpenLoopResult FixedWrites);
