using Grains.Hosting.Redis;

namespace Grains.Silo.Tests.Redis;

public sealed class RedisConnectionOptionsValidatorTests
{
    private const string Secret = "s3cret-value";

    private readonly RedisConnectionOptionsValidator _validator = new();

    [Theory]
    [InlineData("127.0.0.1:6379")]
    [InlineData("redis:6379,password=" + Secret)]
    [InlineData("127.0.0.1:6379,127.0.0.1:6380,abortConnect=false")]
    public void A_string_that_names_a_server_is_valid(string connectionString)
    {
        Assert.True(_validator.Validate(null, new RedisConnectionOptions { ConnectionString = connectionString }).Succeeded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_connection_string_is_refused_with_an_example(string? connectionString)
    {
        var result = _validator.Validate(null, new RedisConnectionOptions { ConnectionString = connectionString });

        Assert.True(result.Failed);
        Assert.Contains("Redis:ConnectionString is required", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("password=" + Secret)]
    [InlineData("127.0.0.1:6379,password=" + Secret + ",nonsense=" + Secret)]
    [InlineData("127.0.0.1:6379,password=" + Secret + ",connectTimeout=" + Secret)]
    public void An_unusable_connection_string_is_refused_without_repeating_it(string connectionString)
    {
        var result = _validator.Validate(null, new RedisConnectionOptions { ConnectionString = connectionString });

        Assert.True(result.Failed);
        Assert.Contains("Redis:ConnectionString", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.FailureMessage, StringComparison.Ordinal);
    }
}
