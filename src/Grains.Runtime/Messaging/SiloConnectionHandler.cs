using System.Collections.Concurrent;
using Grains.Runtime.Hosting;
using Grains.Runtime.Membership;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grains.Runtime.Messaging;

/// <summary>Kestrel hands each inbound connection (from a client or another silo) to this handler.</summary>
internal sealed partial class SiloConnectionHandler(
    Dispatcher dispatcher,
    LocalIdentity identity,
    SiloLease lease,
    IOptions<ClusterOptions> cluster,
    ILogger<SiloConnectionHandler> logger) : ConnectionHandler
{
    private readonly ConcurrentDictionary<Connection, byte> _connections = new();
    private int _inFlight;
    private long _lastRequestAt;

    /// <summary>Requests received and not yet answered.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Milliseconds since the last request arrived.</summary>
    public long MillisecondsSinceLastRequest => Environment.TickCount64 - Interlocked.Read(ref _lastRequestAt);

    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (lease.IsTerminated || identity.Silo is null)
        {
            connection.Abort();
            return;
        }

        var inbound = new Connection(connection.Transport, $"from {connection.RemoteEndPoint}", logger);
        var greeted = false;

        // One delegate for the connection's every response, rather than one per request.
        Action<Message> reply = response =>
        {
            Interlocked.Decrement(ref _inFlight);
            inbound.Send(response);
        };
        inbound.OnMessage = message =>
        {
            if (!greeted)
            {
                greeted = message.Kind == MessageKind.Hello && string.Equals(message.SenderName, cluster.Value.Id, StringComparison.Ordinal);
                if (!greeted)
                {
                    LogBadHello(logger, connection.RemoteEndPoint?.ToString() ?? "?");
                    inbound.Close();
                    return;
                }

                inbound.Send(new Message { Kind = MessageKind.HelloAck, Sender = identity.Id, SenderName = identity.Name });
                return;
            }

            switch (message.Kind)
            {
                case MessageKind.Request:
                    Interlocked.Increment(ref _inFlight);
                    Interlocked.Exchange(ref _lastRequestAt, Environment.TickCount64);
                    dispatcher.Dispatch(message, reply);
                    break;
                case MessageKind.Ping:
                    if (!lease.IsTerminated)
                    {
                        inbound.Send(new Message { Kind = MessageKind.Pong, Id = message.Id });
                    }

                    break;
                default:
                    break;
            }
        };

        _connections[inbound] = 0;
        try
        {
            await inbound.RunAsync(connection.ConnectionClosed).ConfigureAwait(false);
        }
        finally
        {
            _connections.TryRemove(inbound, out _);
        }
    }

    /// <summary>Drops every inbound connection at once, as a crash would.</summary>
    public void AbortAll()
    {
        foreach (var connection in _connections.Keys)
        {
            connection.Close();
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Refused a connection from {Remote}: it did not greet as a member of this cluster.")]
    private static partial void LogBadHello(ILogger logger, string remote);
}
