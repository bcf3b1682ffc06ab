using Grains.Gateway.Operators;

namespace Grains.Gateway.Tests.Operators;

public sealed class OperatorOptionsValidatorTests
{
    private readonly OperatorOptionsValidator _validator = new();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789abcdef")]
    [InlineData("a-long-operator-key:with~symbols!0123456789")]
    public void Accepts_no_key_or_a_sane_key(string? key) =>
        Assert.True(_validator.Validate(null, new OperatorOptions { OperatorKey = key }).Succeeded);

    [Theory]
    [InlineData("short")]
    [InlineData("0123456789abcde")]
    [InlineData("has a space in it 0123456789")]
    [InlineData("non-ascii-key-ü-0123456789")]
    public void Refuses_a_key_too_short_or_not_visible_ascii(string key)
    {
        var result = _validator.Validate(null, new OperatorOptions { OperatorKey = key });

        Assert.True(result.Failed);
        Assert.DoesNotContain(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_key_longer_than_256_characters() =>
        Assert.True(_validator.Validate(null, new OperatorOptions { OperatorKey = new string('k', 257) }).Failed);

    [Fact]
    public void Refuses_a_stream_interval_under_200_ms() =>
        Assert.True(_validator.Validate(null, new OperatorOptions { StreamInterval = TimeSpan.FromMilliseconds(50) }).Failed);
}
