using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grains.Runtime.Messaging;

/// <summary>
/// The silo's listening endpoint, on Kestrel's socket transport. It is the silo's own, apart from any HTTP server in
/// the same host, so a gateway can host a development silo beside its HTTP endpoints.
/// </summary>
internal sealed partial class SiloListener(SiloConnectionHandler handler, ILoggerFactory loggerFactory, ILogger<SiloListener> logger) : IAsyncDisposable
{
    private IConnectionListener? _listener;
    private Task? _acceptLoop;

    public async Task<IPEndPoint> BindAsync(IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        var factory = new SocketTransportFactory(Options.Create(new SocketTransportOptions { NoDelay = true, WaitForDataBeforeAllocatingBuffer = false }), loggerFactory);
        _listener = await factory.BindAsync(endpoint, cancellationToken).ConfigureAwait(false);
        _acceptLoop = AcceptLoopAsync(_listener);
        return (IPEndPoint)_listener.EndPoint;
    }

    /// <summary>Stops accepting: new connection attempts are refused from now on.</summary>
    public async ValueTask DisposeAsync()
    {
        var listener = Interlocked.Exchange(ref _listener, null);
        if (listener is null)
        {
            return;
        }

        await listener.UnbindAsync().ConfigureAwait(false);
        await listener.DisposeAsync().ConfigureAwait(false);
        if (_acceptLoop is not null)
        {
            await _acceptLoop.ConfigureAwait(false);
        }
    }

    private async Task AcceptLoopAsync(IConnectionListener listener)
    {
        while (true)
        {
            ConnectionContext? connection;
            try
            {
                connection = await listener.AcceptAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ObjectDisposedException or OperationCanceledException)
            {
                break;
            }

            if (connection is null)
            {
                break;
            }

            _ = HandleAsync(connection);
        }
    }

    private async Task HandleAsync(ConnectionContext connection)
    {
        try
        {
            await handler.OnConnectedAsync(connection).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogConnectionFailed(logger, ex);
        }
        finally
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(1, LogLevel.Debug, "An inbound connection ended with an error.")]
    private static partial void LogConnectionFailed(ILogger logger, Exception exception);
}
