using Grains.Runtime;
using Grains.Runtime.Directory;
using Grains.Runtime.Hosting;
using Grains.Testing;

namespace Grains.Redis.Tests;

[Trait("Category", "Integration")]
public sealed class RedisGrainDirectoryTests(RedisFixture redis) : GrainDirectoryContractTests, IClassFixture<RedisFixture>
{
    protected override void UseImplementation(IGrainsBuilder builder) => builder.UseRedis(redis.ConnectionString);

    [Fact]
    public async Task Concurrent_registrations_from_several_live_silos_yield_one_winner_that_all_of_them_see()
    {
        // Each silo has its own connection, as separate processes would, so the registrations really race.
        var first = await NewClusterAsync();
        var silos = new List<(ClusterStores Stores, GrainLocation Template)>();
        for (var i = 0; i < 6; i++)
        {
            var stores = i == 0 ? first : await NewClusterAsync(first.ClusterId);
            silos.Add((stores, new GrainLocation(default, await JoinNewSiloAsync(stores), $"activation-{i}")));
        }

        for (var round = 0; round < 25; round++)
        {
            var grain = new GrainId("cart", $"contended-{round}");
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var registrations = silos
                .Select(silo => Task.Run(async () =>
                {
                    await start.Task;
                    return await silo.Stores.Directory.RegisterAsync(silo.Template with { Grain = grain }, default);
                }))
                .ToList();
            start.SetResult();
            var winners = await Task.WhenAll(registrations);

            var winner = Assert.Single(winners.Distinct());
            Assert.Contains(winner.ActivationId, silos.Select(silo => silo.Template.ActivationId));
            foreach (var (stores, _) in silos)
            {
                Assert.Equal(winner, await stores.Directory.LookupAsync(grain, default));
            }
        }
    }
}
