using System.Net;
using Grains.Shop.Api.RateLimiting;

namespace Grains.Gateway.Tests.RateLimiting;

public sealed class ClientAddressesTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::")]
    public void An_address_counts_in_its_own_bucket_and_an_IPv6_address_in_its_64(string address, string partition) =>
        Assert.Equal(IPAddress.Parse(partition), ClientAddresses.PartitionOf(IPAddress.Parse(address)));

    [Fact]
    public void Two_IPv6_hosts_of_one_64_share_a_bucket_and_of_two_do_not()
    {
        Assert.Equal(ClientAddresses.PartitionOf(IPAddress.Parse("2001:db8::1")), ClientAddresses.PartitionOf(IPAddress.Parse("2001:db8::ffff:2")));
        Assert.NotEqual(ClientAddresses.PartitionOf(IPAddress.Parse("2001:db8::1")), ClientAddresses.PartitionOf(IPAddress.Parse("2001:db8:0:1::1")));
    }

    [Fact]
    public void An_unknown_address_is_one_bucket() => Assert.Null(ClientAddresses.PartitionOf(null));
}
