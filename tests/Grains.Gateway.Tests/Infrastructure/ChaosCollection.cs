namespace Grains.Gateway.Tests.Infrastructure;

/// <summary>
/// Tests that kill a silo process or the Redis server run alone, after the others: their failovers then depend on the
/// cluster under test, not on a machine busy with other tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChaosCollection
{
    public const string Name = "Chaos";
}
