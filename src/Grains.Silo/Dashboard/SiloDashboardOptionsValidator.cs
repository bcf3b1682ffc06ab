using Microsoft.Extensions.Options;

namespace Grains.Silo.Dashboard;

public sealed class SiloDashboardOptionsValidator : IValidateOptions<SiloDashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloDashboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // The dashboard refuses less than a second.
        return options.CounterUpdateInterval < TimeSpan.FromSeconds(1) || options.CounterUpdateInterval > TimeSpan.FromMinutes(1)
            ? ValidateOptionsResult.Fail("Dashboard:CounterUpdateInterval must be between 1 second and 1 minute.")
            : ValidateOptionsResult.Success;
    }
}
