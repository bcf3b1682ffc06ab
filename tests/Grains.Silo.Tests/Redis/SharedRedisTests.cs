using Grains.Hosting.Redis;
using Grains.Testing;
using StackExchange.Redis;

namespace Grains.Silo.Tests.Redis;

/// <summary>The one Redis connection of a process, which Orleans' clustering, storage and directory providers share.</summary>
[Trait("Category", "Integration")]
public sealed class SharedRedisTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    [Fact]
    public void A_parsed_configuration_starts_without_redis_keeps_reconnecting_and_uses_the_thread_pool()
    {
        var options = SharedRedis.ParseConfiguration("127.0.0.1:6390,password=secret");

        Assert.False(options.AbortOnConnectFail);
        Assert.Same(SocketManager.ThreadPool, options.SocketManager);
        Assert.Single(options.EndPoints);
        Assert.Equal("secret", options.Password);
    }

    [Fact]
    public async Task Every_provider_gets_the_same_multiplexer_marked_as_shared()
    {
        await using var shared = new SharedRedis(SharedRedis.ParseConfiguration(redis.ConnectionString));

        var first = await shared.GetSharedAsync();
        var second = await shared.GetSharedAsync();

        Assert.Same(first.Multiplexer, second.Multiplexer);
        Assert.True(first.IsShared);
        Assert.True(first.Multiplexer.IsConnected);
    }

    [Fact]
    public async Task Disposing_it_closes_the_multiplexer()
    {
        var shared = new SharedRedis(SharedRedis.ParseConfiguration(redis.ConnectionString));
        var multiplexer = await shared.GetAsync();

        await shared.DisposeAsync();

        Assert.False(multiplexer.IsConnected);
    }
}
