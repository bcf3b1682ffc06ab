namespace Grains.Chaos.Tests;

/// <summary>Chaos runs start many processes and kill them: they run alone, one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChaosRunCollection
{
    public const string Name = "Chaos runs";
}
