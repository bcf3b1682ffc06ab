using Microsoft.Extensions.Options;

namespace Grains.Gateway.Hosting;

public sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public const int MinTokenKeyLength = 32;

    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.TokenKey is null || options.TokenKey.Length < MinTokenKeyLength)
        {
            failures.Add($"Gateway:TokenKey must be set to a secret of at least {MinTokenKeyLength} characters, the same on every gateway.");
        }

        if (options.MaxRequestBodyBytes < 1)
        {
            failures.Add("Gateway:MaxRequestBodyBytes must be positive.");
        }

        if (options.RetryBudget < TimeSpan.Zero || options.RetryBudget > TimeSpan.FromMinutes(1))
        {
            failures.Add("Gateway:RetryBudget must be between 0 and 1 minute.");
        }

        if (options.InFlightGrace < TimeSpan.Zero || options.InFlightGrace > TimeSpan.FromSeconds(10))
        {
            failures.Add("Gateway:InFlightGrace must be between 0 and 10 seconds.");
        }

        if (options.SiloListRefreshPeriod < TimeSpan.FromMilliseconds(10) || options.SiloListRefreshPeriod > TimeSpan.FromMinutes(1))
        {
            failures.Add("Gateway:SiloListRefreshPeriod must be between 10 ms and 1 minute.");
        }

        if (options.UnavailableRetryAfter < TimeSpan.FromSeconds(1))
        {
            failures.Add("Gateway:UnavailableRetryAfter must be at least one second.");
        }

        var rate = options.RateLimit;
        if (rate is null || rate.TokenLimit < 1 || rate.TokensPerPeriod < 1 || rate.ReplenishmentPeriod <= TimeSpan.Zero)
        {
            failures.Add("Gateway:RateLimit:TokenLimit, TokensPerPeriod and ReplenishmentPeriod must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
