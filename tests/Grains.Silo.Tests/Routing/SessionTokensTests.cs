using System.Buffers.Text;
using System.Text;
using Grains.Hosting.Sessions;

namespace Grains.Silo.Tests.Routing;

public sealed class SessionTokensTests
{
    private static readonly SessionTokens s_tokens = new(new string('k', 40));

    [Fact]
    public void A_token_is_read_back_with_its_key_and_refused_with_another()
    {
        var token = s_tokens.Issue(new SessionToken("0123456789abcdef0123456789abcdef", "alice"));

        Assert.Equal(new SessionToken("0123456789abcdef0123456789abcdef", "alice"), s_tokens.Read(token));
        Assert.Null(new SessionTokens(new string('q', 40)).Read(token));
    }

    [Fact]
    public void A_remembered_token_does_not_vouch_for_one_that_differs_from_it()
    {
        var tokens = new SessionTokens(new string('k', 40));
        var token = tokens.Issue(new SessionToken("0123456789abcdef0123456789abcdef", "alice"));
        Assert.NotNull(tokens.Read(token));

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        var otherPayload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("""{"sessionId":"0123456789abcdef0123456789abcdef","userId":"mallory"}"""));
        Assert.Null(tokens.Read(otherPayload + token[dot..]));
        Assert.Null(tokens.Read(token[..(dot + 1)] + (token[dot + 1] == 'A' ? 'B' : 'A') + token[(dot + 2)..]));
        Assert.Equal("alice", tokens.Read(token)?.UserId);
    }

    [Fact]
    public void More_tokens_than_are_remembered_are_all_still_read()
    {
        var tokens = new SessionTokens(new string('k', 40));
        var issued = Enumerable.Range(0, SessionTokens.MemoSize + 50)
            .Select(i => new SessionToken($"session-{i}", $"user-{i}"))
            .Select(content => (Content: content, Token: tokens.Issue(content)))
            .ToList();

        foreach (var (content, token) in issued)
        {
            Assert.Equal(content, tokens.Read(token));
        }

        Assert.Equal(issued[0].Content, tokens.Read(issued[0].Token));
        Assert.Null(new SessionTokens(new string('q', 40)).Read(issued[^1].Token));
    }

    [Fact]
    public void The_gateway_reads_the_user_of_any_well_formed_token_signed_or_not()
    {
        var signed = s_tokens.Issue(new SessionToken("s-1", "alice"));
        var forged = new SessionTokens(new string('q', 40)).Issue(new SessionToken("s-2", "bob"));

        Assert.Equal("alice", SessionTokens.ReadUserUnchecked(signed));
        Assert.Equal("bob", SessionTokens.ReadUserUnchecked(forged));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-dot-at-all")]
    [InlineData(".signature-only")]
    [InlineData("!!!.sig")]
    public void A_malformed_token_names_no_user(string? token) => Assert.Null(SessionTokens.ReadUserUnchecked(token));

    [Theory]
    [InlineData("""{"sessionId":"s-1"}""", null)]
    [InlineData("""{"userId":42,"sessionId":"s-1"}""", null)]
    [InlineData("""{"userId":"","sessionId":"s-1"}""", null)]
    [InlineData("""{"extra":{"userId":"nested"},"userId":"carol"}""", "carol")]
    [InlineData("""["userId","dave"]""", null)]
    [InlineData("""{"userId":"erin""", null)]
    public void Only_a_top_level_user_id_string_is_read(string payload, string? user) =>
        Assert.Equal(user, SessionTokens.ReadUserUnchecked($"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.sig"));

    [Fact]
    public void A_token_longer_than_the_limit_is_refused_unread() =>
        Assert.Null(SessionTokens.ReadUserUnchecked(new string('a', SessionTokens.MaxLength + 1) + ".sig"));
}
