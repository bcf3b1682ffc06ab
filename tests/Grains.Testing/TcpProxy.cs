using System.Net;
using System.Net.Sockets;

namespace Grains.Testing;

/// <summary>
/// A loopback TCP relay in front of a server, for faults the server itself cannot make: <see cref="BlackHoleOpenLinks"/>
/// keeps the sockets already relayed open but passes nothing through them any more (a half-open connection, as after
/// a dropped NAT entry or a client whose connection state is wedged), while new connections are relayed as usual.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly List<Link> _links = [];
    private readonly Task _accepting;

    private TcpProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptLoopAsync(_stopping.Token);
    }

    public int Port { get; }

    /// <summary>Relays 127.0.0.1:<see cref="Port"/> to 127.0.0.1:<paramref name="targetPort"/>.</summary>
    public static TcpProxy Start(int targetPort) => new(targetPort);

    /// <summary>From now on the links open at this moment swallow what either side sends; later links relay.</summary>
    public void BlackHoleOpenLinks()
    {
        lock (_gate)
        {
            foreach (var link in _links)
            {
                link.BlackHoled = true;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Link[] links;
        lock (_gate)
        {
            links = [.. _links];
        }

        foreach (var link in links)
        {
            link.Close();
        }

        await Task.WhenAll(links.Select(l => l.Relaying)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var client = await _listener.AcceptSocketAsync(cancellationToken);
            var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await server.ConnectAsync(new IPEndPoint(IPAddress.Loopback, _targetPort), cancellationToken);
            }
            catch (SocketException)
            {
                client.Dispose();
                server.Dispose();
                continue;
            }

            var link = new Link(client, server);
            lock (_gate)
            {
                _links.Add(link);
            }
        }
    }

    private sealed class Link
    {
        private readonly Socket _client;
        private readonly Socket _server;

        public Link(Socket client, Socket server)
        {
            _client = client;
            _server = server;
            Relaying = Task.WhenAll(PumpAsync(client, server), PumpAsync(server, client));
        }

        private volatile bool _blackHoled;

        public bool BlackHoled
        {
            get => _blackHoled;
            set => _blackHoled = value;
        }

        public Task Relaying { get; }

        public void Close()
        {
            _client.Dispose();
            _server.Dispose();
        }

        private async Task PumpAsync(Socket from, Socket to)
        {
            var buffer = new byte[16 * 1024];
            try
            {
                while (true)
                {
                    var read = await from.ReceiveAsync(buffer, SocketFlags.None);
                    if (read == 0)
                    {
                        break;
                    }

                    if (!BlackHoled)
                    {
                        await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
                    }
                }
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // The other side or the proxy closed the link.
            }

            try
            {
                if (!BlackHoled)
                {
                    to.Shutdown(SocketShutdown.Send);
                }
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // Already closed.
            }
        }
    }
}
