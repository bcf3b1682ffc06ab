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

        if (!IsPort(options.FirstSiloPort) || !IsPort(options.FirstSiloPort + options.Silos - 1)
            || !IsPort(options.FirstSiloGatewayPort) || !IsPort(options.FirstSiloGatewayPort + options.Silos - 1)
            || !IsPort(options.FirstSiloHttpPort) || !IsPort(options.FirstSiloHttpPort + options.Silos - 1)
            || !IsPort(options.GatewayPort) || !IsPort(options.RedisPort))
        {
            failures.Add("--silo-port, --silo-gateway-port, --silo-http-port, --gateway-port and --redis-port must give ports from 1 to 65535.");
        }

        var count = Math.Max(options.Silos, 0);
        var ports = Enumerable.Range(options.FirstSiloPort, count)
            .Concat(Enumerable.Range(options.FirstSiloGatewayPort, count))
            .Concat(Enumerable.Range(options.FirstSiloHttpPort, count))
            .Append(options.GatewayPort)
            .Append(options.RedisPort)
            .ToList();
        if (ports.Distinct().Count() != ports.Count)
        {
            failures.Add("The silo, silo gateway, silo HTTP, gateway and Redis ports must not overlap.");
        }

        if (options.StartTimeout <= TimeSpan.Zero)
        {
            failures.Add("LocalCluster:StartTimeout must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsPort(int port) => port is >= 1 and <= 65535;
}
