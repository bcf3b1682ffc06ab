namespace Grains.Benchmarks.HttpGateway;

/// <summary>What one gateway benchmark run loads: each target once per round, for <see cref="Duration"/>, with wrk.</summary>
/// <param name="VariantConnections">Orleans' ConnectionsPerEndpoint in the variants host (the gateway runs with Orleans' default, 1).</param>
/// <param name="ServerGc">The GC mode of the gateway, the variants host and the bare endpoint alike (the gateway ships with server GC).</param>
internal sealed record GatewaySettings(
    TimeSpan WarmUp,
    TimeSpan Duration,
    int Rounds,
    int Threads,
    int Connections,
    IReadOnlyList<GatewayTarget> Targets,
    bool ServerGc,
    int VariantConnections);
