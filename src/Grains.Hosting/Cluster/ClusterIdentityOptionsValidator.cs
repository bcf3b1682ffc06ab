using Microsoft.Extensions.Options;

namespace Grains.Hosting.Cluster;

public sealed class ClusterIdentityOptionsValidator : IValidateOptions<ClusterIdentityOptions>
{
    public const int MaxLength = 64;

    public ValidateOptionsResult Validate(string? name, ClusterIdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!IsValidKeyPart(options.Id))
        {
            failures.Add($"Cluster:Id must be 1-{MaxLength} letters, digits, '.', '_' or '-'; it becomes part of Redis keys.");
        }

        if (!string.IsNullOrEmpty(options.ServiceId) && !IsValidKeyPart(options.ServiceId))
        {
            failures.Add($"Cluster:ServiceId, when set, must be 1-{MaxLength} letters, digits, '.', '_' or '-'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsValidKeyPart(string? value) =>
        value is { Length: > 0 and <= MaxLength } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
}
