namespace Grains.Redis.Tests;

/// <summary>Tests that kill and restart servers run alone, so their timing does not disturb other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChaosCollection
{
    public const string Name = "Chaos";
}
