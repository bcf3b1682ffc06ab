using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Grains.Hosting.Redis;

public sealed class RedisConnectionOptionsValidator : IValidateOptions<RedisConnectionOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail("Redis:ConnectionString is required, e.g. --Redis:ConnectionString=127.0.0.1:6379.");
        }

        try
        {
            return ConfigurationOptions.Parse(options.ConnectionString).EndPoints.Count == 0
                ? ValidateOptionsResult.Fail("Redis:ConnectionString names no server; give host:port.")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException)
        {
            // The parser's message may quote the string, and with it a password: it is not passed on.
            return ValidateOptionsResult.Fail("Redis:ConnectionString is not a valid StackExchange.Redis configuration string.");
        }
    }
}
