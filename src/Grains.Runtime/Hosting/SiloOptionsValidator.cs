using System.Net;
using Microsoft.Extensions.Options;

namespace Grains.Runtime.Hosting;

public sealed class SiloOptionsValidator : IValidateOptions<SiloOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Port is < 0 or > 65535)
        {
            failures.Add("Silo:Port must be between 0 and 65535.");
        }

        if (!IPAddress.TryParse(options.Host, out _))
        {
            failures.Add("Silo:Host must be an IP address.");
        }

        if (options.AdvertisedHost is { } advertised
            && (advertised.Length is 0 or > 253 || Uri.CheckHostName(advertised) == UriHostNameType.Unknown))
        {
            failures.Add("Silo:AdvertisedHost must be a host name or an IP address.");
        }

        if (options.Name is { Length: 0 or > 128 })
        {
            failures.Add("Silo:Name must be 1-128 characters.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
