using Grains.Shop.Api.Hosting;
using Microsoft.Extensions.Configuration;

namespace Grains.Gateway.Tests.RateLimiting;

public sealed class ApiOptionsValidatorTests
{
    private static readonly string s_key = new('k', ApiOptionsValidator.MinTokenKeyLength);

    [Fact]
    public void The_defaults_with_a_key_are_valid() =>
        Assert.True(new ApiOptionsValidator().Validate(null, new ApiOptions { TokenKey = s_key }).Succeeded);

    [Theory]
    [InlineData("")]
    [InlineData("10.0.0.5")]
    [InlineData("10.1.0.0/16, fd00::/8 ,192.0.2.1")]
    public void Trusted_proxies_may_be_none_addresses_or_networks(string trusted)
    {
        var options = new ApiOptions { TokenKey = s_key, ClientAddress = new() { TrustedProxies = trusted } };

        Assert.True(new ApiOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void An_empty_trusted_proxies_setting_trusts_no_peer()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Api:ClientAddress:TrustedProxies"] = string.Empty })
            .Build();

        var options = configuration.GetSection(ApiOptions.SectionName).Get<ApiOptions>()!;

        Assert.True(options.ClientAddress.TryParseTrustedProxies(out var networks, out _));
        Assert.Empty(networks);
    }

    [Theory]
    [InlineData("gateway-1")]
    [InlineData("10.0.0.0/33")]
    public void A_trusted_proxy_that_is_no_address_or_network_is_refused_by_name(string trusted)
    {
        var options = new ApiOptions { TokenKey = s_key, ClientAddress = new() { TrustedProxies = $"127.0.0.1,{trusted}" } };

        var result = new ApiOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"'{trusted}'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void A_forward_limit_outside_1_to_10_is_refused(int limit)
    {
        var options = new ApiOptions { TokenKey = s_key, ClientAddress = new() { ForwardLimit = limit } };

        Assert.Contains("Api:ClientAddress:ForwardLimit", new ApiOptionsValidator().Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_bucket_is_refused_by_its_key()
    {
        var options = new ApiOptions { TokenKey = s_key };
        options.SignInRateLimit.Global.TokensPerPeriod = 0;
        options.AnonymousRateLimit.PerAddress.ReplenishmentPeriod = TimeSpan.Zero;

        var message = new ApiOptionsValidator().Validate(null, options).FailureMessage;

        Assert.Contains("Api:SignInRateLimit:Global:", message, StringComparison.Ordinal);
        Assert.Contains("Api:AnonymousRateLimit:PerAddress:", message, StringComparison.Ordinal);
    }
}
