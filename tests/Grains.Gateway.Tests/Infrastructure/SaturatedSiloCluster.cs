namespace Grains.Gateway.Tests.Infrastructure;

/// <summary>
/// Two silo processes with the production failure detection, each admitting only <see cref="Admits"/> requests at
/// once, so that load sent straight at one is certain to be shed, however fast the machine.
/// </summary>
public sealed class SaturatedSiloCluster() : SiloProcessCluster(
    siloCount: 2,
    WithProductionFailureDetection(new Dictionary<string, string?> { ["Admission:MaxConcurrentRequests"] = "16" }))
{
    public const int Admits = 16;
}
