namespace Grains.Benchmarks;

/// <summary>
/// One scenario on one path. <see cref="Local"/> is what the benchmark process spent during the window (the client,
/// or the whole silo on the in-process path); <see cref="Silo"/> is the child silo's, on the loopback path only.
/// </summary>
internal sealed record Measurement(Scenario Scenario, CallPath Path, LoadResult Result, ProcessStats Local, ProcessStats? Silo)
{
    public double CpuMicrosecondsPerCall(ProcessStats stats) =>
        Result.Calls == 0 ? 0 : stats.Cpu.TotalMicroseconds / Result.Calls;

    public double BytesPerCall(ProcessStats stats) =>
        Result.Calls == 0 ? 0 : (double)stats.AllocatedBytes / Result.Calls;
}
