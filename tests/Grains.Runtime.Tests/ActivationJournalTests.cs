using Grains.Redis;
using Grains.Runtime.Activation;
using Grains.Runtime.Hosting;
using Grains.Runtime.Tests.Infrastructure;
using Grains.TestGrains;
using Grains.Testing;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Grains.Runtime.Tests;

[Trait("Category", "Integration")]
public sealed class ActivationJournalTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task With_recording_on_every_activation_start_and_end_is_journaled_on_the_store_clock()
    {
        var clusterId = ClusterIds.Next();
        await using (var cluster = await InProcessCluster.StartAsync(2, b =>
        {
            b.UseRedis(o =>
            {
                o.ConnectionString = redis.ConnectionString;
                o.RecordActivations = true;
            });
            b.Services.Configure<ClusterOptions>(o => o.Id = clusterId);
        }))
        {
            for (var i = 0; i < 5; i++)
            {
                await cluster.Client.GetGrain<ICounterGrain>($"journal-{i}").AddAsync(1);
            }

            await cluster.Client.GetGrain<ICounterGrain>("journal-0").DeactivateAsync();
            await Poll.UntilAsync(
                () => cluster.Activations.Events.Any(e => e.Kind == ActivationEventKind.Deactivated),
                TimeSpan.FromSeconds(10),
                "journal-0 to deactivate");
        }

        using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var journal = await RedisActivationJournal.ReadAllAsync(connection.GetDatabase(), clusterId);

        Assert.Equal(5, journal.Count(e => e.Kind == ActivationEventKind.Activated));
        var ended = Assert.Single(journal, e => e.Kind == ActivationEventKind.Deactivated);
        Assert.Equal("journal-0", ended.Grain.Key);
        var started = journal.Single(e => e.Kind == ActivationEventKind.Activated && e.ActivationId == ended.ActivationId);
        Assert.True(started.Time <= ended.Time);
    }
}
