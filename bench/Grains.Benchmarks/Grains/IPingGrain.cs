using Grains.Runtime;

namespace Grains.Benchmarks.Grains;

/// <summary>The benchmark's grain: one argument and one result, so every call pays for encoding both ways.</summary>
public interface IPingGrain : IGrainWithStringKey
{
    Task<int> PingAsync(int value);
}
