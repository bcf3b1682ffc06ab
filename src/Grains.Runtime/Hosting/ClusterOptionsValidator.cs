using Microsoft.Extensions.Options;

namespace Grains.Runtime.Hosting;

public sealed class ClusterOptionsValidator : IValidateOptions<ClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.Id) || options.Id.Length > 64
            || !options.Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            return ValidateOptionsResult.Fail("Cluster:Id must be 1-64 characters of letters, digits, '-', '_' or '.'.");
        }

        return ValidateOptionsResult.Success;
    }
}
