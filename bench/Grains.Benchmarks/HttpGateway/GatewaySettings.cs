namespace Grains.Benchmarks.HttpGateway;

/// <summary>What one gateway benchmark run loads: each target once per round, for <see cref="Duration"/>, with wrk.</summary>
/// <param name="ServerGc">The GC mode of every process alike: the silos, the gateway and the bare endpoint.</param>
internal sealed record GatewaySettings(
    TimeSpan WarmUp,
    TimeSpan Duration,
    int Rounds,
    int Threads,
    int Connections,
    IReadOnlyList<GatewayTarget> Targets,
    bool ServerGc);
