using Grains.Shop.Api.Apis;

namespace Grains.Gateway.Tests.Apis;

public sealed class OrderCursorsTests
{
    private const string Key = "test-token-key-0123456789abcdef-0123456789";

    private readonly OrderCursors _cursors = new(Key);

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(20L)]
    [InlineData(long.MaxValue)]
    public void A_cursor_reads_back_as_its_position_for_its_user(long position) =>
        Assert.Equal(position, _cursors.Read("alice", _cursors.Issue("alice", position)));

    [Fact]
    public void A_cursor_is_opaque_and_short() =>
        Assert.Matches("^[A-Za-z0-9_-]{34}$", _cursors.Issue("alice", 41));

    [Fact]
    public void A_cursor_of_another_user_or_made_with_another_key_reads_as_nothing()
    {
        var cursor = _cursors.Issue("alice", 41);

        Assert.Null(_cursors.Read("bob", cursor));
        Assert.Null(new OrderCursors(Key + "-other").Read("alice", cursor));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a cursor")]
    [InlineData("AQAAAAAAAAApAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AQAAAAAAAAAp")]
    public void Anything_else_reads_as_nothing(string? cursor) =>
        Assert.Null(_cursors.Read("alice", cursor));

    [Fact]
    public void A_changed_cursor_reads_as_nothing()
    {
        var cursor = _cursors.Issue("alice", 41).ToCharArray();
        for (var i = 0; i < cursor.Length - 1; i++)
        {
            var changed = (char[])cursor.Clone();
            changed[i] = changed[i] == 'A' ? 'B' : 'A';

            Assert.Null(_cursors.Read("alice", new string(changed)));
        }

        Assert.Null(_cursors.Read("alice", new string(cursor) + "AA"));
    }
}
