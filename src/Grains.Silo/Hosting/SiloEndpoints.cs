using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Grains.Silo.Hosting;

/// <summary>Where this silo listens and what it is called, settled once at start from <see cref="SiloHostOptions"/>.</summary>
public sealed record SiloEndpoints(IPAddress Address, int SiloPort, int GatewayPort, string Name)
{
    /// <summary>Resolves the advertised host and picks free ports for those configured as 0.</summary>
    /// <exception cref="InvalidOperationException">The host name does not resolve.</exception>
    public static SiloEndpoints Resolve(SiloHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var address = ResolveAddress(options.AdvertisedHost);
        var siloPort = options.Port != 0 ? options.Port : FreePort(address, exclude: options.GatewayPort);
        var gatewayPort = options.GatewayPort != 0 ? options.GatewayPort : FreePort(address, exclude: siloPort);
        var name = options.Name ?? string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}:{siloPort}");
        return new SiloEndpoints(address, siloPort, gatewayPort, name);
    }

    private static IPAddress ResolveAddress(string host)
    {
        if (IPAddress.TryParse(host, out var address))
        {
            return address;
        }

        try
        {
            var addresses = Dns.GetHostAddresses(host);
            return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
                ?? throw new InvalidOperationException($"Silo:AdvertisedHost '{host}' resolves to no address.");
        }
        catch (SocketException ex)
        {
            throw new InvalidOperationException($"Silo:AdvertisedHost '{host}' does not resolve: {ex.SocketErrorCode}.", ex);
        }
    }

    private static int FreePort(IPAddress address, int exclude)
    {
        while (true)
        {
            using var listener = new TcpListener(address, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            if (port != exclude)
            {
                return port;
            }
        }
    }
}
