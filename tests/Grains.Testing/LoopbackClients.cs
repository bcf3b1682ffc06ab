using System.Net;
using System.Net.Sockets;

namespace Grains.Testing;

/// <summary>
/// HTTP clients that connect from a loopback address of their choosing (127.0.0.2, 127.0.0.3, ...; Linux routes all
/// of 127.0.0.0/8 to the loopback device), so that one test process can be several clients with addresses of their own.
/// </summary>
public static class LoopbackClients
{
    /// <summary>A client of <paramref name="baseAddress"/> whose connections come from <paramref name="source"/>; the caller disposes it.</summary>
    public static HttpClient From(IPAddress source, Uri baseAddress, int maxConnections = int.MaxValue, TimeSpan? timeout = null)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = baseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(60) };
    }

    /// <summary>127.0.0.<paramref name="host"/>.</summary>
    public static IPAddress Address(byte host) => new([127, 0, 0, host]);
}
