using Microsoft.Extensions.Options;

namespace Grains.Proxy.Forwarding;

/// <summary>Checks <see cref="ProxyOptions"/>; <paramref name="section"/> names the keys in its messages.</summary>
public sealed class ProxyOptionsValidator(string section) : IValidateOptions<ProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ProxyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxRequestBodyBytes < 1)
        {
            failures.Add($"{section}:MaxRequestBodyBytes must be positive.");
        }

        if (options.RetryBudget < TimeSpan.Zero || options.RetryBudget > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{section}:RetryBudget must be between 0 and 1 minute.");
        }

        if (options.RequestTimeout < TimeSpan.FromSeconds(1) || options.RequestTimeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{section}:RequestTimeout must be between 1 second and 10 minutes.");
        }

        if (options.RefusalPenalty < TimeSpan.Zero || options.RefusalPenalty > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{section}:RefusalPenalty must be between 0 and 1 minute.");
        }

        if (options.MaxConnectionsPerBackend is < 1 or > 65535)
        {
            failures.Add($"{section}:MaxConnectionsPerBackend must be between 1 and 65535.");
        }

        if (options.UnavailableRetryAfter < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{section}:UnavailableRetryAfter must be at least one second.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
