using Microsoft.Extensions.Options;

namespace Grains.LocalCluster;

public sealed class LocalClusterOptionsValidator : IValidateOptions<LocalClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, LocalClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Silos is < 1 or > 20)
        {
            failures.Add("--silos must be between 1 and 20.");
        }

        if (!IsPort(options.FirstSiloPort) || !IsPort(options.FirstSiloPort + options.Silos - 1) || !IsPort(options.GatewayPort) || !IsPort(options.RedisPort))
        {
            failures.Add("--silo-port, --gateway-port and --redis-port must give ports from 1 to 65535.");
        }

        var siloPorts = Enumerable.Range(options.FirstSiloPort, Math.Max(options.Silos, 0));
        if (siloPorts.Contains(options.GatewayPort) || siloPorts.Contains(options.RedisPort) || options.GatewayPort == options.RedisPort)
        {
            failures.Add("The silo, gateway and Redis ports must not overlap.");
        }

        if (options.StartTimeout <= TimeSpan.Zero)
        {
            failures.Add("LocalCluster:StartTimeout must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsPort(int port) => port is >= 1 and <= 65535;
}
