using Microsoft.Extensions.Options;

namespace Grains.Silo.FailureDetection;

public sealed class FailureDetectionOptionsValidator : IValidateOptions<FailureDetectionOptions>
{
    public ValidateOptionsResult Validate(string? name, FailureDetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.ConfirmationDelay < TimeSpan.Zero || options.ConfirmationDelay > TimeSpan.FromSeconds(5))
        {
            failures.Add("FailureDetection:ConfirmationDelay must be between 0 and 5 seconds.");
        }

        if (options.RewatchDelay <= TimeSpan.Zero)
        {
            failures.Add("FailureDetection:RewatchDelay must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
