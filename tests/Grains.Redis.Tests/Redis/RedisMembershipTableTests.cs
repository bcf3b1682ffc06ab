using Grains.Runtime.Hosting;
using Grains.Testing;

namespace Grains.Redis.Tests;

[Trait("Category", "Integration")]
public sealed class RedisMembershipTableTests(RedisFixture redis) : MembershipTableContractTests, IClassFixture<RedisFixture>
{
    protected override void UseImplementation(IGrainsBuilder builder) => builder.UseRedis(redis.ConnectionString);
}
