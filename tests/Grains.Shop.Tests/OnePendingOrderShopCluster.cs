using Microsoft.Extensions.DependencyInjection;

namespace Grains.Shop.Tests;

/// <summary>One silo whose carts hold at most one order not yet recorded, and whose grains of one type can be made to fail (<see cref="GrainOutage"/>).</summary>
public sealed class OnePendingOrderShopCluster() : ShopCluster(siloCount: 1, new Dictionary<string, string?> { ["Cart:PendingOrderLimit"] = "1" })
{
    /// <summary>The fault of the cluster's one silo.</summary>
    public GrainOutage Outage => Cluster.Silos[0].ServiceProvider.GetRequiredService<GrainOutage>();

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSingleton<GrainOutage>();
        silo.Services.AddSingleton<IIncomingGrainCallFilter>(sp => sp.GetRequiredService<GrainOutage>());
    }
}
