using Microsoft.Extensions.Options;

namespace Grains.Silo.Dashboard;

public sealed class SiloDashboardOptionsValidator : IValidateOptions<SiloDashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloDashboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        // The dashboard refuses less than a second.
        if (options.CounterUpdateInterval < TimeSpan.FromSeconds(1) || options.CounterUpdateInterval > TimeSpan.FromMinutes(1))
        {
            failures.Add("Dashboard:CounterUpdateInterval must be between 1 second and 1 minute.");
        }

        if (options.CountersIdleTimeout < TimeSpan.FromSeconds(5) || options.CountersIdleTimeout > TimeSpan.FromHours(1))
        {
            failures.Add("Dashboard:CountersIdleTimeout must be between 5 seconds and 1 hour.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
