namespace Grains.Chaos.Checking;

/// <summary>
/// What the final carts and orders say about the history. The run is valid only when
/// <see cref="LostAcknowledgedWrites"/>, <see cref="UnexpectedApplications"/>, <see cref="StaleReads"/> and
/// <see cref="UnreadableUsers"/> are all 0.
/// </summary>
/// <param name="InfoAddsApplied">Adds of unknown outcome that did take effect, as the final state shows.</param>
/// <param name="InfoCheckoutsApplied">Checkouts of unknown outcome whose order exists.</param>
/// <param name="LostAcknowledgedWrites">Acknowledged adds, checkouts and sessions missing from the final state, or overwritten by an older state.</param>
/// <param name="UnexpectedApplications">Units, orders or changes that no acknowledged or unknown operation explains: a failed operation that applied, or one applied twice.</param>
/// <param name="StaleReads">Acknowledged reads that showed an older cart than an earlier acknowledged answer had.</param>
/// <param name="UnreadableUsers">Users whose final state could not be read after the cluster healed.</param>
public sealed record CartCheck(
    int Users,
    int AcknowledgedAdds,
    int AcknowledgedCheckouts,
    int AcknowledgedReads,
    int FailedOperations,
    int InfoAdds,
    int InfoAddsApplied,
    int InfoCheckouts,
    int InfoCheckoutsApplied,
    int InfoReads,
    int LostAcknowledgedWrites,
    int UnexpectedApplications,
    int StaleReads,
    int LostSessions,
    int UnreadableUsers,
    IReadOnlyList<string> Anomalies);
