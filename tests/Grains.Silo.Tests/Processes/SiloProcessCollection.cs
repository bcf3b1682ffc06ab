namespace Grains.Silo.Tests.Processes;

/// <summary>
/// Tests that run a cluster of silo processes and kill, pause or stop them run alone, one at a time: on two shared
/// cores a second cluster starting beside them stalls their silos long enough to be taken for dead.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SiloProcessCollection
{
    public const string Name = "Silo processes";
}
