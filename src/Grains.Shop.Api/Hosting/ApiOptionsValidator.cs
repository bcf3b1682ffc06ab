using Microsoft.Extensions.Options;

namespace Grains.Shop.Api.Hosting;

public sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public const int MinTokenKeyLength = 32;

    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.TokenKey is null || options.TokenKey.Length < MinTokenKeyLength)
        {
            failures.Add($"Api:TokenKey must be set to a secret of at least {MinTokenKeyLength} characters, the same on every silo.");
        }

        if (options.MaxRequestBodyBytes < 1)
        {
            failures.Add("Api:MaxRequestBodyBytes must be positive.");
        }

        if (options.RetryBudget < TimeSpan.Zero || options.RetryBudget > TimeSpan.FromMinutes(1))
        {
            failures.Add("Api:RetryBudget must be between 0 and 1 minute.");
        }

        if (options.UnavailableRetryAfter < TimeSpan.FromSeconds(1))
        {
            failures.Add("Api:UnavailableRetryAfter must be at least one second.");
        }

        var rate = options.RateLimit;
        if (rate is null || rate.TokenLimit < 1 || rate.TokensPerPeriod < 1 || rate.ReplenishmentPeriod <= TimeSpan.Zero)
        {
            failures.Add("Api:RateLimit:TokenLimit, TokensPerPeriod and ReplenishmentPeriod must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
