using Microsoft.Extensions.Options;

namespace Grains.Runtime.Messaging;

public sealed class MessagingOptionsValidator : IValidateOptions<MessagingOptions>
{
    public ValidateOptionsResult Validate(string? name, MessagingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ResponseTimeout <= TimeSpan.Zero || options.UnavailableTimeout <= TimeSpan.Zero || options.ConnectTimeout <= TimeSpan.Zero)
        {
            return ValidateOptionsResult.Fail("Messaging:ResponseTimeout, UnavailableTimeout and ConnectTimeout must be positive.");
        }

        return options.MaxForwardCount is < 0 or > 10
            ? ValidateOptionsResult.Fail("Messaging:MaxForwardCount must be between 0 and 10.")
            : ValidateOptionsResult.Success;
    }
}
