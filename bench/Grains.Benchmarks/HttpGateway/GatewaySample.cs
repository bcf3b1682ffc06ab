namespace Grains.Benchmarks.HttpGateway;

/// <summary>
/// One wrk run of one target in one round, with the CPU the serving process spent meanwhile, and the silo behind it
/// when the serving process forwards to one (the gateway).
/// </summary>
internal sealed record GatewaySample(GatewayTarget Target, int Round, WrkResult Wrk, TimeSpan HostCpu, TimeSpan SiloCpu)
{
    public double HostCpuMicrosecondsPerRequest => Wrk.Requests == 0 ? 0 : HostCpu.TotalMicroseconds / Wrk.Requests;

    public double SiloCpuMicrosecondsPerRequest => Wrk.Requests == 0 ? 0 : SiloCpu.TotalMicroseconds / Wrk.Requests;
}
