namespace Grains.Redis.Tests;

public sealed class RedisKeysTests
{
    [Fact]
    public void Every_key_of_a_cluster_starts_with_the_same_hash_tag()
    {
        var keys = new RedisKeys("shop-1");

        Assert.Equal("grains:{shop-1}", keys.Prefix);
        Assert.Equal("grains:{shop-1}:members", keys.Members);
        Assert.Equal("grains:{shop-1}:members:changed", keys.MembershipChanges);
        Assert.Equal("grains:{shop-1}:directory", keys.Directory);
        Assert.Equal("grains:{shop-1}:state:cart:items:alice:{x}", keys.State("cart", "items", "alice:{x}"));
    }

    [Fact]
    public void Clusters_with_different_ids_get_different_prefixes()
    {
        Assert.NotEqual(new RedisKeys("a").Directory, new RedisKeys("b").Directory);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a{b")]
    [InlineData("a}b")]
    public void A_cluster_id_that_would_break_the_hash_tag_is_rejected(string clusterId)
    {
        Assert.ThrowsAny<ArgumentException>(() => new RedisKeys(clusterId));
    }
}
