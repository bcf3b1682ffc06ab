using Microsoft.Extensions.Options;

namespace Grains.Gateway.Operators;

public sealed class OperatorOptionsValidator : IValidateOptions<OperatorOptions>
{
    public const int MinKeyLength = 16;
    public const int MaxKeyLength = 256;

    public ValidateOptionsResult Validate(string? name, OperatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.OperatorKey is { Length: > 0 } key
            && !(key.Length is >= MinKeyLength and <= MaxKeyLength && key.All(c => c is > ' ' and <= '~')))
        {
            // The key itself is never echoed.
            failures.Add($"Dashboard:OperatorKey must be {MinKeyLength}-{MaxKeyLength} visible ASCII characters (no spaces), or not set (empty) at all.");
        }

        if (options.StreamInterval < TimeSpan.FromMilliseconds(200) || options.StreamInterval > TimeSpan.FromSeconds(10))
        {
            failures.Add("Dashboard:StreamInterval must be between 200 ms and 10 seconds.");
        }

        if (options.EventCapacity is < 1 or > 10_000)
        {
            failures.Add("Dashboard:EventCapacity must be between 1 and 10000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
