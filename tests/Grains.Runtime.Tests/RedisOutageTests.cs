using Grains.Redis;
using Grains.Runtime.Hosting;
using Grains.Runtime.Tests.Infrastructure;
using Grains.TestGrains;
using Grains.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grains.Runtime.Tests;

/// <summary>The store going away and coming back: silos must neither lose state nor blame each other for its silence.</summary>
[Trait("Category", "Integration")]
public sealed class RedisOutageTests
{
    [Fact]
    public async Task After_a_redis_restart_every_silo_is_still_a_member_and_every_acknowledged_write_is_there()
    {
        await using var redis = await RedisServer.StartAsync(new RedisServerOptions { AppendOnly = true });
        var clusterId = ClusterIds.Next();
        await using var cluster = await InProcessCluster.StartAsync(2, b =>
        {
            b.UseRedis(redis.ConnectionString);
            b.Services.Configure<ClusterOptions>(o => o.Id = clusterId);
        });
        var grains = Enumerable.Range(0, 10).Select(i => cluster.Client.GetGrain<ICounterGrain>($"outage-{i}")).ToList();
        for (var i = 0; i < grains.Count; i++)
        {
            await grains[i].AddAsync(i);
        }

        await redis.KillAsync();

        // The outage lasts longer than the death timeout: long enough to tempt a silo into declaring its peers dead.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var duringOutage = await Record.ExceptionAsync(() => grains[0].AddAsync(1));
        Assert.True(duringOutage is SiloUnavailableException or GrainException, duringOutage?.ToString() ?? "a write succeeded without a store");

        await redis.RestartAsync();
        await Poll.UntilAsync(
            async () => await Record.ExceptionAsync(() => grains[1].GetAsync()) is null,
            TimeSpan.FromSeconds(30),
            "the cluster to serve again after the restart");

        Assert.All(cluster.Silos, s => Assert.False(s.Silo.IsDeclaredDead, $"{s.Name} was declared dead"));
        Assert.Equal(2, cluster.Client.ActiveSilos.Count);
        for (var i = 1; i < grains.Count; i++)
        {
            Assert.Equal(i + 1, await grains[i].AddAsync(1));
        }

        Assert.Empty(cluster.Activations.FindOverlaps());
    }
}
