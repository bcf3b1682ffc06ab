namespace Grains.Benchmarks.Grains;

/// <summary>The benchmark's grain: one argument and one result, so every call pays for encoding both ways.</summary>
[Alias("bench.IPingGrain")]
public interface IPingGrain : IGrainWithStringKey
{
    [Alias("Ping")]
    Task<int> PingAsync(int value);

    /// <summary>Returns its argument: the message-size experiments (<c>--payload</c>) send this instead of a ping.</summary>
    [Alias("Echo")]
    Task<byte[]> EchoAsync(byte[] payload);
}
