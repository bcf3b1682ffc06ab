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

    private static ServiceProvider BuildServices(Action<RedisOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGrainsClient().UseRedis(configure);
        services.Configure<ClusterOptions>(options => options.Id = ClusterIds.Next());
        return services.BuildServiceProvider();
    }
}
