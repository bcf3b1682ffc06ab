using Grains.Runtime.Directory;
using Grains.Runtime.Hosting;
using Grains.Runtime.Membership;
using Grains.Runtime.Storage;
using Grains.Testing;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Grains.Redis.Tests;

[Trait("Category", "Integration")]
public sealed class RedisConnectionTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task Providers_do_not_connect_before_they_are_initialized()
    {
        // Nothing listens on this port: a constructor that connected would fail or hang here.
        await using var services = BuildServices(options => options.ConnectionString = $"127.0.0.1:{FreePort.Next()}");

        services.GetRequiredService<IMembershipTable>();
        services.GetRequiredService<IGrainDirectory>();
        services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default);

        Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<RedisConnection>().Multiplexer);
    }

    [Fact]
    public async Task All_providers_share_one_multiplexer()
    {
        await using var services = BuildServices(options => options.ConnectionString = redis.ConnectionString);
        var membership = services.GetRequiredService<IMembershipTable>();
        var directory = services.GetRequiredService<IGrainDirectory>();

        await membership.InitializeAsync(default);
        var multiplexer = services.GetRequiredService<RedisConnection>().Multiplexer;
        await directory.InitializeAsync(default);

        Assert.Same(multiplexer, services.GetRequiredService<RedisConnection>().Multiplexer);
        Assert.True(multiplexer.IsConnected);
    }

    [Fact]
    public async Task A_multiplexer_handed_in_is_used_and_left_open()
    {
        using var external = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        await using (var services = BuildServices(options => options.Multiplexer = external))
        {
            var membership = services.GetRequiredService<IMembershipTable>();
            await membership.InitializeAsync(default);
            await membership.JoinAsync(new SiloAddress("127.0.0.1", 1, 1), "silo", default);

            Assert.Same(external, services.GetRequiredService<RedisConnection>().Multiplexer);
        }

        Assert.True(external.IsConnected);
        Assert.True(await external.GetDatabase().PingAsync() > TimeSpan.Zero);
    }

    [Fact]
    public async Task A_client_that_stops_answering_is_replaced_and_its_subscriptions_move_to_the_new_one()
    {
        // The relay lets the client connect, then swallows everything on its sockets while keeping them open: the
        // client looks connected but nothing it sends is answered, as with the stuck client seen after a Redis restart.
        await using var relay = TcpProxy.Start(redis.Server.Port);
        await using var services = BuildRelayedServices(relay, replaceUnresponsiveAfter: TimeSpan.FromSeconds(1));
        var membership = services.GetRequiredService<IMembershipTable>();
        var connection = services.GetRequiredService<RedisConnection>();
        await membership.InitializeAsync(default);
        var stuck = connection.Multiplexer;
        var changes = 0;
        using var subscription = membership.SubscribeToChanges(() => Interlocked.Increment(ref changes));
        var silo = new SiloAddress("127.0.0.1", 1, 1);
        await membership.JoinAsync(silo, "silo", default);
        await Poll.UntilAsync(() => Volatile.Read(ref changes) > 0, TimeSpan.FromSeconds(10), "the join's notification");

        relay.BlackHoleOpenLinks();

        await Poll.UntilAsync(() => HeartbeatsAsync(membership, silo), TimeSpan.FromSeconds(30), "a heartbeat through a fresh client");
        Assert.NotSame(stuck, connection.Multiplexer);
        var before = Volatile.Read(ref changes);
        Assert.True(await membership.UpdateStatusAsync(silo, SiloStatus.ShuttingDown, default));
        await Poll.UntilAsync(() => Volatile.Read(ref changes) > before, TimeSpan.FromSeconds(10), "a notification through the fresh client");
    }

    [Fact]
    public async Task A_command_on_a_connection_that_swallows_traffic_fails_with_a_timeout()
    {
        await using var relay = TcpProxy.Start(redis.Server.Port);
        await using var services = BuildRelayedServices(relay, replaceUnresponsiveAfter: TimeSpan.FromMinutes(10));
        var membership = services.GetRequiredService<IMembershipTable>();
        await membership.InitializeAsync(default);
        Assert.Empty(await membership.ReadAllAsync(default));

        relay.BlackHoleOpenLinks();

        // The client's own timeout covers synchronous calls only; without one of ours, this read would never end.
        var read = membership.ReadAllAsync(default);
        Assert.Same(read, await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(30))));
        await Assert.ThrowsAnyAsync<TimeoutException>(() => read);
    }

    private static async Task<bool> HeartbeatsAsync(IMembershipTable membership, SiloAddress silo)
    {
        try
        {
            return await membership.HeartbeatAsync(silo, default).WaitAsync(TimeSpan.FromSeconds(5)) == HeartbeatResult.Alive;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Through <paramref name="relay"/>, with a short operation timeout so that swallowed commands fail soon.</summary>
    private static ServiceProvider BuildRelayedServices(TcpProxy relay, TimeSpan replaceUnresponsiveAfter) => BuildServices(options =>
    {
        options.ConnectionString = $"127.0.0.1:{relay.Port}";
        options.OperationTimeout = TimeSpan.FromSeconds(1);
        options.ReplaceUnresponsiveAfter = replaceUnresponsiveAfter;
    });

    private static ServiceProvider BuildServices(Action<RedisOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGrainsClient().UseRedis(configure);
        services.Configure<ClusterOptions>(options => options.Id = ClusterIds.Next());
        return services.BuildServiceProvider();
    }
}
