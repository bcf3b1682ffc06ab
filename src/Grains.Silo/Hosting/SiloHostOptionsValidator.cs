using Microsoft.Extensions.Options;

namespace Grains.Silo.Hosting;

public sealed class SiloHostOptionsValidator : IValidateOptions<SiloHostOptions>
{
    public const int MaxNameLength = 64;

    public ValidateOptionsResult Validate(string? name, SiloHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Name is not null && !(options.Name.Length is > 0 and <= MaxNameLength && options.Name.All(c => c is > ' ' and <= '~')))
        {
            failures.Add($"Silo:Name must be 1-{MaxNameLength} visible ASCII characters.");
        }

        if (options.Port is < 0 or > 65535)
        {
            failures.Add("Silo:Port must be a TCP port (1-65535), or 0 for a free one.");
        }

        if (options.GatewayPort is < 0 or > 65535)
        {
            failures.Add("Silo:GatewayPort must be a TCP port (1-65535), or 0 for a free one.");
        }

        if (options.Port != 0 && options.Port == options.GatewayPort)
        {
            failures.Add("Silo:Port and Silo:GatewayPort must differ: silos and clients connect to separate ports.");
        }

        if (string.IsNullOrWhiteSpace(options.AdvertisedHost) || Uri.CheckHostName(options.AdvertisedHost) == UriHostNameType.Unknown)
        {
            failures.Add("Silo:AdvertisedHost must be an IP address or a host name.");
        }

        if (options.DrainDelay < TimeSpan.Zero || options.DrainDelay > TimeSpan.FromSeconds(30))
        {
            failures.Add("Silo:DrainDelay must be between 0 and 30 seconds.");
        }

        if (!Enum.IsDefined(options.GrainDirectory))
        {
            failures.Add("Silo:GrainDirectory must be Redis or Cluster.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
