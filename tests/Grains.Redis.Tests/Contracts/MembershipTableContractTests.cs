using Grains.Runtime.Membership;
using Grains.Testing;

namespace Grains.Redis.Tests;

/// <summary>What every <see cref="IMembershipTable"/> must do; one subclass per implementation.</summary>
public abstract class MembershipTableContractTests : ClusterStoresTestBase
{
    [Fact]
    public async Task Joined_silo_is_read_back_as_active_with_its_name()
    {
        var cluster = await NewClusterAsync();
        var silo = await JoinNewSiloAsync(cluster, "silo-a|eu");

        var entry = Assert.Single(await cluster.Membership.ReadAllAsync(default));
        Assert.Equal(silo, entry.Silo);
        Assert.Equal("silo-a|eu", entry.Name);
        Assert.Equal(SiloStatus.Active, entry.Status);
        Assert.Equal(entry.StartedAt, entry.LastHeartbeat);
        Assert.InRange(entry.StartedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task Heartbeat_of_a_live_silo_is_alive_and_advances_its_last_heartbeat()
    {
        var cluster = await NewClusterAsync();
        var silo = await JoinNewSiloAsync(cluster);
        var joined = (await ReadEntryAsync(cluster, silo))!;

        await Poll.UntilAsync(
            async () =>
            {
                Assert.Equal(HeartbeatResult.Alive, await cluster.Membership.HeartbeatAsync(silo, default));
                return (await ReadEntryAsync(cluster, silo))!.LastHeartbeat > joined.LastHeartbeat;
            },
            Patience,
            "a heartbeat later than the join");
        var entry = (await ReadEntryAsync(cluster, silo))!;
        Assert.Equal(SiloStatus.Active, entry.Status);
        Assert.Equal(joined.StartedAt, entry.StartedAt);
    }

    [Fact]
    public async Task Heartbeat_of_an_unknown_silo_is_dead_and_it_cannot_update_its_status()
    {
        var cluster = await NewClusterAsync();
        var silo = NewSilo();

        Assert.Equal(HeartbeatResult.Dead, await cluster.Membership.HeartbeatAsync(silo, default));
        Assert.False(await cluster.Membership.UpdateStatusAsync(silo, SiloStatus.ShuttingDown, default));
        Assert.Empty(await cluster.Membership.ReadAllAsync(default));
    }

    [Fact]
    public async Task Update_status_moves_a_live_silo()
    {
        var cluster = await NewClusterAsync();
        var silo = await JoinNewSiloAsync(cluster);

        Assert.True(await cluster.Membership.UpdateStatusAsync(silo, SiloStatus.ShuttingDown, default));

        Assert.Equal(SiloStatus.ShuttingDown, (await ReadEntryAsync(cluster, silo))!.Status);
        Assert.Equal(HeartbeatResult.Alive, await cluster.Membership.HeartbeatAsync(silo, default));
    }

    [Fact]
    public async Task Declaring_dead_if_silent_is_refused_while_heartbeats_are_fresh()
    {
        var cluster = await NewClusterAsync();
        var silo = await JoinNewSiloAsync(cluster);
        await cluster.Membership.HeartbeatAsync(silo, default);

        Assert.False(await cluster.Membership.TryDeclareDeadAsync(silo, TimeSpan.FromSeconds(30), default));

        Assert.Equal(SiloStatus.Active, (await ReadEntryAsync(cluster, silo))!.Status);
    }

    [Fact]
    public async Task Declaring_dead_if_silent_succeeds_once_the_silo_has_been_silent_that_long()
    {
        var cluster = await NewClusterAsync();
        var silo = await JoinNewSiloAsync(cluster);
        // Long enough that a busy machine (CI runs the chaos suite alongside) cannot let it pass before the first check.
        var silence = TimeSpan.FromSeconds(2);
        await cluster.Membership.HeartbeatAsync(silo, default);
        Assert.False(await cluster.Membership.TryDeclareDeadAsync(silo, silence, default));

        await Poll.UntilAsync(
            () => cluster.Membership.TryDeclareDeadAsync(silo, silence, default),
            Patience,
            "the silo to count as silent for 2 s");

        var entry = (await ReadEntryAsync(cluster, silo))!;
        Assert.Equal(SiloStatus.Dead, entry.Status);
        Assert.True(entry.LastHeartbeat - entry.StartedAt > silence, "The time of death is stamped after the silence.");
    }

    [Fact]
    public async Task Declaring_dead_with_proof_succeeds_at_once()
    {
        var cluster = await NewClusterAsync();
        var silo = await JoinNewSiloAsync(cluster);

        Assert.True(await cluster.Membership.TryDeclareDeadAsync(silo, ifSilentFor: null, default));

        Assert.Equal(SiloStatus.Dead, (await ReadEntryAsync(cluster, silo))!.Status);
        Assert.True(await cluster.Membership.TryDeclareDeadAsync(silo, TimeSpan.FromMinutes(1), default), "An already dead silo stays dead.");
        Assert.True(await cluster.Membership.TryDeclareDeadAsync(NewSilo(), ifSilentFor: null, default), "A silo without a row counts as dead.");
    }

    [Fact]
    public async Task Dead_silo_is_told_so_by_its_heartbeat_and_can_neither_update_its_status_nor_rejoin()
    {
        var cluster = await NewClusterAsync();
        var silo = await JoinNewSiloAsync(cluster);
        await cluster.Membership.TryDeclareDeadAsync(silo, ifSilentFor: null, default);
        var dead = (await ReadEntryAsync(cluster, silo))!;

        Assert.Equal(HeartbeatResult.Dead, await cluster.Membership.HeartbeatAsync(silo, default));
        Assert.False(await cluster.Membership.UpdateStatusAsync(silo, SiloStatus.Active, default));
        await Assert.ThrowsAsync<InvalidOperationException>(() => cluster.Membership.JoinAsync(silo, "again", default));

        Assert.Equal(dead, await ReadEntryAsync(cluster, silo));
    }

    [Fact]
    public async Task Cleanup_removes_only_rows_that_have_been_dead_for_longer_than_the_given_age()
    {
        var cluster = await NewClusterAsync();
        var live = await JoinNewSiloAsync(cluster);
        var dead = await JoinNewSiloAsync(cluster);
        await cluster.Membership.TryDeclareDeadAsync(dead, ifSilentFor: null, default);

        Assert.Equal(0, await cluster.Membership.CleanupDeadAsync(TimeSpan.FromHours(1), default));
        var removed = 0;
        await Poll.UntilAsync(
            async () =>
            {
                removed += await cluster.Membership.CleanupDeadAsync(TimeSpan.FromMilliseconds(100), default);
                return await ReadEntryAsync(cluster, dead) is null;
            },
            Patience,
            "the dead silo's row to be cleaned up");

        Assert.Equal(1, removed);
        Assert.Equal(live, Assert.Single(await cluster.Membership.ReadAllAsync(default)).Silo);
    }

    [Fact]
    public async Task Subscribers_are_notified_of_changes_until_they_unsubscribe()
    {
        var cluster = await NewClusterAsync();
        var unsubscribed = 0;
        var subscribed = 0;
        // The unsubscribed handler is registered first, so it would run before the other one if it still ran.
        var first = cluster.Membership.SubscribeToChanges(() => Interlocked.Increment(ref unsubscribed));
        using var second = cluster.Membership.SubscribeToChanges(() => Interlocked.Increment(ref subscribed));

        var silo = await JoinNewSiloAsync(cluster);
        await Poll.UntilAsync(() => Volatile.Read(ref unsubscribed) > 0 && Volatile.Read(ref subscribed) > 0, Patience, "both subscribers to hear of the join");

        first.Dispose();
        var heardBefore = Volatile.Read(ref subscribed);
        var unsubscribedBefore = Volatile.Read(ref unsubscribed);
        await cluster.Membership.TryDeclareDeadAsync(silo, ifSilentFor: null, default);
        await Poll.UntilAsync(() => Volatile.Read(ref subscribed) > heardBefore, Patience, "the remaining subscriber to hear of the death");

        Assert.Equal(unsubscribedBefore, Volatile.Read(ref unsubscribed));
    }

    [Fact]
    public async Task Clusters_with_different_ids_do_not_see_each_other_s_members()
    {
        var one = await NewClusterAsync();
        var other = await NewClusterAsync();

        var silo = await JoinNewSiloAsync(one);

        Assert.Empty(await other.Membership.ReadAllAsync(default));
        Assert.Equal(HeartbeatResult.Dead, await other.Membership.HeartbeatAsync(silo, default));
        Assert.Equal(HeartbeatResult.Alive, await one.Membership.HeartbeatAsync(silo, default));
    }
}
