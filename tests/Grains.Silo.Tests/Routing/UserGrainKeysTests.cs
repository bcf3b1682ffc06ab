using Grains.Shop.Contracts.Sessions;

namespace Grains.Silo.Tests.Routing;

public sealed class UserGrainKeysTests
{
    [Theory]
    [InlineData("alice", "alice")]
    [InlineData("alice/0123abcd", "alice")]
    [InlineData("a.b_c-d@e/x/y", "a.b_c-d@e")]
    public void The_user_of_a_key_is_the_part_before_the_first_slash(string key, string user) =>
        Assert.Equal(user, UserGrainKeys.UserOf(key).ToString());

    [Fact]
    public void A_session_key_holds_its_user_and_its_id()
    {
        var key = UserGrainKeys.Session("bob", "0123456789abcdef");

        Assert.Equal("bob/0123456789abcdef", key);
        Assert.Equal("bob", UserGrainKeys.UserOf(key).ToString());
        Assert.Equal("0123456789abcdef", UserGrainKeys.SessionIdOf(key));
    }

    [Fact]
    public void An_order_page_key_holds_its_user_and_its_page_number()
    {
        var key = UserGrainKeys.OrderPage("bob", 12);

        Assert.Equal("bob/12", key);
        Assert.Equal("bob", UserGrainKeys.UserOf(key).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => UserGrainKeys.OrderPage("bob", -1));
    }
}
