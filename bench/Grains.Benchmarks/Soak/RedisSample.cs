namespace Grains.Benchmarks.Soak;

/// <summary>What Redis held at <paramref name="At"/> into the run: its keys and <c>used_memory</c> in bytes.</summary>
internal sealed record RedisSample(TimeSpan At, long Keys, long UsedMemory);
