using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Grains.Redis;

/// <summary>Checks <see cref="RedisOptions"/>. Messages never repeat the connection string, which may hold a password.</summary>
public sealed class RedisOptionsValidator : IValidateOptions<RedisOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Multiplexer is null)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                failures.Add("Redis:ConnectionString is required unless a multiplexer is handed in.");
            }
            else if (!HasEndpoints(options.ConnectionString))
            {
                failures.Add("Redis:ConnectionString is not a valid StackExchange.Redis configuration string with at least one endpoint.");
            }
        }

        if (options.ConnectTimeout <= TimeSpan.Zero || options.ConnectTimeout > TimeSpan.FromMinutes(10))
        {
            failures.Add("Redis:ConnectTimeout must be positive and at most 10 minutes.");
        }

        if (options.OperationTimeout <= TimeSpan.Zero || options.OperationTimeout > TimeSpan.FromMinutes(10))
        {
            failures.Add("Redis:OperationTimeout must be positive and at most 10 minutes.");
        }

        if (options.HealthCheckInterval <= TimeSpan.Zero || options.HealthCheckInterval > TimeSpan.FromMinutes(10))
        {
            failures.Add("Redis:HealthCheckInterval must be positive and at most 10 minutes.");
        }

        if (options.ReplaceUnresponsiveAfter < options.HealthCheckInterval || options.ReplaceUnresponsiveAfter > TimeSpan.FromMinutes(10))
        {
            failures.Add("Redis:ReplaceUnresponsiveAfter must be at least HealthCheckInterval and at most 10 minutes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool HasEndpoints(string connectionString)
    {
        try
        {
            return ConfigurationOptions.Parse(connectionString).EndPoints.Count > 0;
        }
        catch (ArgumentException)
        {
            // The parser's message quotes the offending part of the string, which may be the password.
            return false;
        }
    }
}
