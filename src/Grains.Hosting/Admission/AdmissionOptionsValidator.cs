using Microsoft.Extensions.Options;

namespace Grains.Hosting.Admission;

public sealed class AdmissionOptionsValidator : IValidateOptions<AdmissionOptions>
{
    public ValidateOptionsResult Validate(string? name, AdmissionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxConcurrentRequests is < 1 or > 100_000)
        {
            failures.Add("Admission:MaxConcurrentRequests must be between 1 and 100000.");
        }

        if (options.RetryAfter < TimeSpan.FromSeconds(1) || options.RetryAfter > TimeSpan.FromMinutes(5))
        {
            failures.Add("Admission:RetryAfter must be between 1 second and 5 minutes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
