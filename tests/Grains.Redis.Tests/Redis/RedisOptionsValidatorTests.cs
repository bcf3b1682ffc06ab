namespace Grains.Redis.Tests;

public sealed class RedisOptionsValidatorTests
{
    private readonly RedisOptionsValidator _validator = new();

    [Fact]
    public void Defaults_are_valid()
    {
        Assert.True(_validator.Validate(null, new RedisOptions()).Succeeded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("password=s3cret-value")]
    [InlineData("127.0.0.1:6379,password=s3cret-value,nonsense=s3cret-value")]
    public void An_unusable_connection_string_fails_without_repeating_it(string connectionString)
    {
        var result = _validator.Validate(null, new RedisOptions { ConnectionString = connectionString });

        Assert.True(result.Failed);
        Assert.DoesNotContain("s3cret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeouts_must_be_positive()
    {
        var result = _validator.Validate(null, new RedisOptions { ConnectTimeout = TimeSpan.Zero, OperationTimeout = TimeSpan.FromSeconds(-1) });

        Assert.True(result.Failed);
        Assert.Equal(2, result.Failures.Count());
    }

    [Fact]
    public void The_watchdog_must_check_before_it_may_replace()
    {
        var result = _validator.Validate(null, new RedisOptions
        {
            HealthCheckInterval = TimeSpan.FromSeconds(2),
            ReplaceUnresponsiveAfter = TimeSpan.FromSeconds(1),
        });

        Assert.True(result.Failed);
        Assert.Contains("ReplaceUnresponsiveAfter", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(_validator.Validate(null, new RedisOptions { HealthCheckInterval = TimeSpan.Zero }).Failed);
    }
}
