namespace Grains.Gateway.Tests.Infrastructure;

/// <summary>
/// Two silo processes with the production failure detection (probes of 1 s; two missed declare a silo dead), each
/// admitting only <see cref="Admits"/> requests at once, so that load sent straight at one is certain to be shed,
/// however fast the machine.
/// </summary>
public sealed class SaturatedSiloCluster() : SiloProcessCluster(
    siloCount: 2,
    new Dictionary<string, string?>
    {
        // ShopCluster relaxes these for silos in the test process; here the question is whether a busy silo is taken
        // for a dead one, so the production values (ShopSiloBuilderExtensions) are restored.
        ["Orleans:Membership:ProbeTimeout"] = "00:00:01",
        ["Orleans:Membership:MinProbeTimeout"] = "00:00:01",
        ["Orleans:Membership:MaxProbeTimeout"] = "00:00:02",
        ["Orleans:Membership:NumMissedProbesLimit"] = "2",
        ["Admission:MaxConcurrentRequests"] = "16",
    })
{
    public const int Admits = 16;
}
