namespace Grains.Showdown.Reporting;

/// <param name="Name">stateful, stateless or orleans.</param>
/// <param name="CpuMsPerRequest">CPU of every server-side process (router, servers, gateways, silos, Redis) over the read and write phases, per request.</param>
/// <param name="StoreOpsPerRequest">Redis commands over the read and write phases, per request.</param>
internal sealed record ArchitectureFigures(
    string Name, ThroughputFigures Read, ThroughputFigures Write, double CpuMsPerRequest, double StoreOpsPerRequest, KillFigures Kill);
