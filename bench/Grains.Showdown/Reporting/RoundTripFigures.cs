namespace Grains.Showdown.Reporting;

/// <summary>
/// Network round trips behind the proxy of a read and of an add, and what they would add to each request's latency at
/// a datacenter round trip of 0.2 ms and of 1 ms: a stated model, since no network delay can be injected on loopback here.
/// </summary>
internal sealed record RoundTripFigures(double Read, double Write, double ReadMsAt02, double WriteMsAt02, double ReadMsAt1, double WriteMsAt1);
