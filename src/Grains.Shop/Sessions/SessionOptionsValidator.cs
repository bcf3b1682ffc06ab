using Microsoft.Extensions.Options;

namespace Grains.Shop.Sessions;

public sealed class SessionOptionsValidator : IValidateOptions<SessionOptions>
{
    public ValidateOptionsResult Validate(string? name, SessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IdleTimeout <= TimeSpan.Zero)
        {
            return ValidateOptionsResult.Fail("Sessions:IdleTimeout must be positive.");
        }

        return options.LastSeenWriteInterval < TimeSpan.Zero || options.LastSeenWriteInterval >= options.IdleTimeout
            ? ValidateOptionsResult.Fail("Sessions:LastSeenWriteInterval must be at least zero and shorter than Sessions:IdleTimeout.")
            : ValidateOptionsResult.Success;
    }
}
