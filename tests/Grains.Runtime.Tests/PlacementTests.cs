using Grains.Runtime.Hosting;
using Grains.Runtime.InMemory;
using Grains.Runtime.Membership;
using Grains.Runtime.Placement;
using Grains.Runtime.Tests.Infrastructure;
using Grains.TestGrains;
using Microsoft.Extensions.DependencyInjection;

namespace Grains.Runtime.Tests;

public sealed class PlacementTests
{
    [Fact]
    public async Task The_default_placement_spreads_new_activations_over_the_active_silos()
    {
        var store = new InMemoryClusterStore();
        await using var cluster = await InProcessCluster.StartAsync(3, b => b.UseInMemory(store));

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < 90; i++)
        {
            var silo = await cluster.Client.GetGrain<ICounterGrain>($"spread-{i}").WhereAsync();
            counts[silo] = counts.GetValueOrDefault(silo) + 1;
        }

        Assert.Equal(3, counts.Count);
        Assert.All(counts.Values, c => Assert.InRange(c, 10, 60));
    }

    [Fact]
    public async Task A_registered_placement_director_replaces_the_default()
    {
        var store = new InMemoryClusterStore();
        await using var cluster = await InProcessCluster.StartAsync(3, b => b.UseInMemory(store), s => s.AddSingleton<IPlacementDirector, FirstSiloPlacement>());

        var silos = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 20; i++)
        {
            silos.Add(await cluster.Client.GetGrain<ICounterGrain>($"first-{i}").WhereAsync());
        }

        Assert.Single(silos);
    }

    private sealed class FirstSiloPlacement : IPlacementDirector
    {
        public SiloAddress SelectSilo(GrainId grain, IReadOnlyList<SiloAddress> candidates) => candidates[0];
    }
}
