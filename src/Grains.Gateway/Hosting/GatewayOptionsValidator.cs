using Microsoft.Extensions.Options;

namespace Grains.Gateway.Hosting;

public sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.SiloListRefreshPeriod < TimeSpan.FromMilliseconds(10) || options.SiloListRefreshPeriod > TimeSpan.FromMinutes(1)
            ? ValidateOptionsResult.Fail("Gateway:SiloListRefreshPeriod must be between 10 ms and 1 minute.")
            : ValidateOptionsResult.Success;
    }
}
