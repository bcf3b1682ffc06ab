using Grains.Runtime.Hosting;
using Grains.Testing;

namespace Grains.Redis.Tests;

[Trait("Category", "Integration")]
public sealed class RedisGrainStorageTests(RedisFixture redis) : GrainStorageContractTests, IClassFixture<RedisFixture>
{
    protected override void UseImplementation(IGrainsBuilder builder) => builder.UseRedis(redis.ConnectionString);
}
