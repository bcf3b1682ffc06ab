using Microsoft.Extensions.Options;

namespace Grains.Silo.Placement;

public sealed class LocalityOptionsValidator : IValidateOptions<LocalityOptions>
{
    public ValidateOptionsResult Validate(string? name, LocalityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.SettleDelay < TimeSpan.Zero || options.SettleDelay > TimeSpan.FromMinutes(1))
        {
            failures.Add("Locality:SettleDelay must be between 0 and 1 minute.");
        }

        if (options.MigrationsPerSecond < 1)
        {
            failures.Add("Locality:MigrationsPerSecond must be positive.");
        }

        if (options.SweepInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add("Locality:SweepInterval must be at least one second.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
