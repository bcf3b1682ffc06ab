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

        CheckBucket(options.RateLimit, "Api:RateLimit", failures);
        CheckBucket(options.SignInRateLimit?.PerAddress, "Api:SignInRateLimit:PerAddress", failures);
        CheckBucket(options.SignInRateLimit?.Global, "Api:SignInRateLimit:Global", failures);
        CheckBucket(options.AnonymousRateLimit?.PerAddress, "Api:AnonymousRateLimit:PerAddress", failures);
        CheckBucket(options.AnonymousRateLimit?.Global, "Api:AnonymousRateLimit:Global", failures);

        var clientAddress = options.ClientAddress ?? new ClientAddressOptions();
        if (!clientAddress.TryParseTrustedProxies(out _, out var invalid))
        {
            failures.Add($"Api:ClientAddress:TrustedProxies must be a comma-separated list of IP addresses and CIDR networks; '{invalid}' is neither.");
        }

        if (clientAddress.ForwardLimit is < 1 or > 10)
        {
            failures.Add("Api:ClientAddress:ForwardLimit must be between 1 and 10.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckBucket(TokenBucketOptions? bucket, string section, List<string> failures)
    {
        if (bucket is null || bucket.TokenLimit < 1 || bucket.TokensPerPeriod < 1 || bucket.ReplenishmentPeriod <= TimeSpan.Zero)
        {
            failures.Add($"{section}:TokenLimit, TokensPerPeriod and ReplenishmentPeriod must be positive.");
        }
    }
}
