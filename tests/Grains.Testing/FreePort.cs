using System.Net;
using System.Net.Sockets;

namespace Grains.Testing;

public static class FreePort
{
    /// <summary>
    /// A loopback port nobody listens on right now. Another process may still take it before the caller binds it,
    /// so whoever starts a server on it should retry with a new port when binding fails.
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
