using Grains.Silo.Hosting;

namespace Grains.Silo.Tests.Hosting;

public sealed class SiloHostOptionsValidatorTests
{
    private readonly SiloHostOptionsValidator _validator = new();

    [Fact]
    public void Defaults_are_valid()
    {
        Assert.True(_validator.Validate(null, new SiloHostOptions()).Succeeded);
    }

    [Fact]
    public void Explicit_ports_a_name_and_a_host_name_are_valid()
    {
        var options = new SiloHostOptions { Name = "silo-1", Port = 11111, GatewayPort = 30000, AdvertisedHost = "silo-1.shop.internal" };

        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("tab\there")]
    [InlineData("naïve")]
    public void A_name_that_is_empty_or_not_visible_ascii_is_refused(string name)
    {
        var result = _validator.Validate(null, new SiloHostOptions { Name = name });

        Assert.True(result.Failed);
        Assert.Contains("Silo:Name", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_longer_than_the_limit_is_refused()
    {
        Assert.True(_validator.Validate(null, new SiloHostOptions { Name = new string('n', SiloHostOptionsValidator.MaxNameLength) }).Succeeded);
        Assert.True(_validator.Validate(null, new SiloHostOptions { Name = new string('n', SiloHostOptionsValidator.MaxNameLength + 1) }).Failed);
    }

    [Theory]
    [InlineData(-1, 0, "Silo:Port")]
    [InlineData(65536, 0, "Silo:Port")]
    [InlineData(0, -1, "Silo:GatewayPort")]
    [InlineData(0, 70000, "Silo:GatewayPort")]
    public void A_port_out_of_range_is_refused_by_its_key(int port, int gatewayPort, string key)
    {
        var result = _validator.Validate(null, new SiloHostOptions { Port = port, GatewayPort = gatewayPort });

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_silo_and_gateway_ports_must_differ_unless_both_are_picked_at_start()
    {
        var result = _validator.Validate(null, new SiloHostOptions { Port = 11111, GatewayPort = 11111 });

        Assert.True(result.Failed);
        Assert.Contains("must differ", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(_validator.Validate(null, new SiloHostOptions { Port = 0, GatewayPort = 0 }).Succeeded);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("not a host")]
    [InlineData("host_with:colon:")]
    public void An_advertised_host_that_is_neither_an_address_nor_a_host_name_is_refused(string host)
    {
        var result = _validator.Validate(null, new SiloHostOptions { AdvertisedHost = host });

        Assert.True(result.Failed);
        Assert.Contains("Silo:AdvertisedHost", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undefined_grain_directory_is_refused()
    {
        var result = _validator.Validate(null, new SiloHostOptions { GrainDirectory = (GrainDirectoryKind)42 });

        Assert.True(result.Failed);
        Assert.Contains("Silo:GrainDirectory", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_key_is_reported_at_once()
    {
        var result = _validator.Validate(null, new SiloHostOptions { Name = "", Port = -1, GatewayPort = 70000, AdvertisedHost = "" });

        Assert.Equal(4, result.Failures!.Count());
    }
}
