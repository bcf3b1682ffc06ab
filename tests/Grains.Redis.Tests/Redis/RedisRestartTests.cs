using Grains.Runtime;
using Grains.Runtime.Directory;
using Grains.Runtime.Hosting;
using Grains.Runtime.Membership;
using Grains.Testing;
using StackExchange.Redis;

namespace Grains.Redis.Tests;

[Trait("Category", "Chaos")]
[Collection(ChaosCollection.Name)]
public sealed class RedisRestartTests : ClusterStoresTestBase
{
    private static readonly TimeSpan s_recovery = TimeSpan.FromSeconds(30);
    private static readonly GrainId s_grain = new("cart", "alice");
    private RedisServer? _server;

    protected override void UseImplementation(IGrainsBuilder builder) => builder.UseRedis(_server!.ConnectionString);

    [Fact]
    public async Task Providers_fail_cleanly_while_redis_is_down_and_recover_every_acknowledged_write_after_it_restarts()
    {
        await using var server = _server = await RedisServer.StartAsync(new RedisServerOptions { AppendOnly = true });
        var cluster = await NewClusterAsync();
        var silo = await JoinNewSiloAsync(cluster);
        var owner = new GrainLocation(s_grain, silo, "activation-1");
        await cluster.Directory.RegisterAsync(owner, default);
        var state = new TestGrainState { State = new TestState { Count = 1 } };
        await cluster.Storage.WriteStateAsync("cart", s_grain, state, owner, default);
        var changes = 0;
        using var subscription = cluster.Membership.SubscribeToChanges(() => Interlocked.Increment(ref changes));

        await server.KillAsync();
        var whileDown = await Record.ExceptionAsync(() => cluster.Membership.HeartbeatAsync(silo, default));
        Assert.True(whileDown is RedisException or TimeoutException, $"Expected a Redis connection error, got {whileDown}");
        // Storage speaks the runtime's language: its failures are temporary and of unknown outcome, never a provider's exception.
        var unsent = new TestGrainState { State = new TestState { Count = 99 }, Etag = state.Etag };
        await Assert.ThrowsAsync<StorageUnavailableException>(() => cluster.Storage.WriteStateAsync("cart", s_grain, unsent, owner, default));
        Assert.Equal(state.Etag, unsent.Etag);
        await Assert.ThrowsAsync<StorageUnavailableException>(() => cluster.Storage.ReadStateAsync("cart", s_grain, new TestGrainState(), default));

        await server.RestartAsync();
        await Poll.UntilAsync(() => SucceedsAsync(() => cluster.Membership.HeartbeatAsync(silo, default)), s_recovery, "heartbeats to succeed after the restart");

        Assert.Equal(HeartbeatResult.Alive, await cluster.Membership.HeartbeatAsync(silo, default));
        Assert.Equal(owner, await cluster.Directory.LookupAsync(s_grain, default));
        var read = new TestGrainState();
        await cluster.Storage.ReadStateAsync("cart", s_grain, read, default);
        Assert.Equal(state.Etag, read.Etag);
        Assert.Equal(1, read.State.Count);
        read.State.Count = 2;
        await cluster.Storage.WriteStateAsync("cart", s_grain, read, owner, default);

        var before = Volatile.Read(ref changes);
        await JoinNewSiloAsync(cluster);
        await Poll.UntilAsync(() => Volatile.Read(ref changes) > before, s_recovery, "a change notification after the restart");
    }

    [Fact]
    public async Task A_silo_learns_it_is_dead_when_redis_restarts_without_its_data()
    {
        await using var server = _server = await RedisServer.StartAsync(new RedisServerOptions { AppendOnly = false });
        var cluster = await NewClusterAsync();
        var silo = await JoinNewSiloAsync(cluster);
        var owner = new GrainLocation(s_grain, silo, "activation-1");
        await cluster.Directory.RegisterAsync(owner, default);

        await server.RestartAsync();
        await Poll.UntilAsync(() => SucceedsAsync(() => cluster.Membership.ReadAllAsync(default)), s_recovery, "reads to succeed after the restart");

        Assert.Equal(HeartbeatResult.Dead, await cluster.Membership.HeartbeatAsync(silo, default));
        await Assert.ThrowsAsync<InvalidOperationException>(() => cluster.Directory.RegisterAsync(owner, default));
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => cluster.Storage.WriteStateAsync("cart", s_grain, new TestGrainState(), owner, default));
    }

    private static async Task<bool> SucceedsAsync<T>(Func<Task<T>> operation)
    {
        try
        {
            await operation();
            return true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return false;
        }
    }
}
