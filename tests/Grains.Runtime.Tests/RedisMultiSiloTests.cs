using Grains.Redis;
using Grains.Runtime.Hosting;
using Grains.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grains.Runtime.Tests;

[Trait("Category", "Integration")]
public sealed class RedisMultiSiloTests(RedisFixture redis) : MultiSiloTestsBase, IClassFixture<RedisFixture>
{
    protected override Action<IGrainsBuilder> CreateStore()
    {
        var clusterId = ClusterIds.Next();
        return b =>
        {
            b.UseRedis(redis.ConnectionString);
            b.Services.Configure<ClusterOptions>(o => o.Id = clusterId);
        };
    }
}
