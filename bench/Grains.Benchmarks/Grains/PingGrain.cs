namespace Grains.Benchmarks.Grains;

/// <summary>Answers at once: what a call costs is then the runtime's own work, not the grain's.</summary>
[GrainType("bench-ping")]
public sealed class PingGrain : Grain, IPingGrain
{
    public Task<int> PingAsync(int value) => Task.FromResult(value + 1);

    public Task<byte[]> EchoAsync(byte[] payload) => Task.FromResult(payload);
}
