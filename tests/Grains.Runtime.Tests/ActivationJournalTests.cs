using Grains.Redis;
using Grains.Runtime.Activation;
using Grains.Runtime.Hosting;
using Grains.Runtime.Membership;
using Grains.Runtime.Tests.Infrastructure;
using Grains.TestGrains;
using Grains.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
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

    [Fact]
    public async Task A_silo_declared_dead_cannot_journal_an_activation_start_but_can_journal_an_end()
    {
        // Found by the chaos suite: a silo paused mid-activation resumed after its death and journaled the start,
        // an activation that could never serve but looked like a second one.
        var cluster = Options.Create(new ClusterOptions { Id = ClusterIds.Next() });
        var redisOptions = Options.Create(new RedisOptions { ConnectionString = redis.ConnectionString, RecordActivations = true });
        await using var connection = new RedisConnection(redisOptions, NullLogger<RedisConnection>.Instance);
        var membership = new RedisMembershipTable(connection, cluster, NullLogger<RedisMembershipTable>.Instance);
        var journal = new RedisActivationJournal(connection, redisOptions, cluster);
        await membership.InitializeAsync(default);
        var silo = new SiloAddress("127.0.0.1", 1, 1);
        var grain = new GrainId("cart", "alice");
        await membership.JoinAsync(silo, "zombie", default);
        await journal.RecordAsync(new ActivationEvent(0, ActivationEventKind.Activated, grain, "before-death", silo), default);

        Assert.True(await membership.TryDeclareDeadAsync(silo, null, default));

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => journal.RecordAsync(new ActivationEvent(0, ActivationEventKind.Activated, grain, "after-death", silo), default));
        await journal.RecordAsync(new ActivationEvent(0, ActivationEventKind.Deactivated, grain, "before-death", silo), default);
        var entries = await RedisActivationJournal.ReadAllAsync(connection.Multiplexer.GetDatabase(), cluster.Value.Id);
        Assert.Equal(["before-death", "before-death"], entries.Select(e => e.ActivationId));
    }
}
