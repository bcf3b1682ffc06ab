using System.Net;
using Grains.Silo.Hosting;

namespace Grains.Silo.Tests.Hosting;

public sealed class SiloEndpointsTests
{
    [Fact]
    public void Port_0_picks_two_distinct_free_ports()
    {
        var endpoints = SiloEndpoints.Resolve(new SiloHostOptions { Port = 0, GatewayPort = 0 });

        Assert.NotEqual(0, endpoints.SiloPort);
        Assert.NotEqual(0, endpoints.GatewayPort);
        Assert.NotEqual(endpoints.SiloPort, endpoints.GatewayPort);
        // Free means nobody listens there: both can be bound right away.
        using var silo = new System.Net.Sockets.TcpListener(endpoints.Address, endpoints.SiloPort);
        using var gateway = new System.Net.Sockets.TcpListener(endpoints.Address, endpoints.GatewayPort);
        silo.Start();
        gateway.Start();
    }

    [Fact]
    public void A_free_port_is_never_the_configured_other_port()
    {
        // Take a port the kernel would hand out next, and configure it as the gateway port: the picked silo port must differ.
        for (var i = 0; i < 20; i++)
        {
            var gatewayPort = Testing.FreePort.Next();
            var endpoints = SiloEndpoints.Resolve(new SiloHostOptions { Port = 0, GatewayPort = gatewayPort });

            Assert.Equal(gatewayPort, endpoints.GatewayPort);
            Assert.NotEqual(gatewayPort, endpoints.SiloPort);
        }
    }

    [Fact]
    public void Configured_ports_and_name_are_kept()
    {
        var endpoints = SiloEndpoints.Resolve(new SiloHostOptions { Name = "silo-7", Port = 11111, GatewayPort = 30000 });

        Assert.Equal(new SiloEndpoints(IPAddress.Loopback, 11111, 30000, "silo-7"), endpoints);
    }

    [Fact]
    public void Without_a_name_the_silo_is_named_after_the_machine_and_its_port()
    {
        var endpoints = SiloEndpoints.Resolve(new SiloHostOptions { Port = 11111, GatewayPort = 30000 });

        Assert.Equal($"{Environment.MachineName}:11111", endpoints.Name);
    }

    [Fact]
    public void A_host_name_is_resolved_to_an_address()
    {
        var endpoints = SiloEndpoints.Resolve(new SiloHostOptions { AdvertisedHost = "localhost", Port = 11111, GatewayPort = 30000 });

        Assert.True(IPAddress.IsLoopback(endpoints.Address), endpoints.Address.ToString());
    }

    [Fact]
    public void A_host_name_that_does_not_resolve_gives_an_error_naming_the_key_and_the_host()
    {
        // .invalid is reserved: it never resolves (RFC 2606).
        var error = Assert.Throws<InvalidOperationException>(
            () => SiloEndpoints.Resolve(new SiloHostOptions { AdvertisedHost = "no-such-silo.invalid", Port = 11111, GatewayPort = 30000 }));

        Assert.Contains("Silo:AdvertisedHost", error.Message, StringComparison.Ordinal);
        Assert.Contains("no-such-silo.invalid", error.Message, StringComparison.Ordinal);
    }
}
