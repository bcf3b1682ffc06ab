namespace Grains.Showdown.Load;

/// <summary>What an open-loop phase got: the successful requests, per second of the phase and their latency from when each was due.</summary>
/// <param name="Elapsed">From the first request's due time until the last answer: longer than the phase when the server fell behind.</param>
/// <param name="SentLate">How long after its due time each request was sent: the load generator's own share of the latency.</param>
/// <param name="DueBySecond">How many requests fell due in each second of the phase.</param>
/// <param name="SucceededBySecond">How many of those, by the second they fell due in, succeeded.</param>
internal sealed record OpenLoopResult(
    double OfferedRps,
    LatencySummary Answered,
    IReadOnlyDictionary<int, int> Failures,
    TimeSpan Elapsed,
    LatencySummary SentLate,
    IReadOnlyList<int> DueBySecond,
    IReadOnlyList<int> SucceededBySecond)
{
    public int FailedRequests => Failures.Values.Sum();
}
