using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net.Sockets;
using Grains.Runtime.Membership;
using Microsoft.Extensions.Logging;

namespace Grains.Runtime.Messaging;

/// <summary>This process's outbound connection to one silo incarnation; requests go out, responses come back on it.</summary>
internal sealed class SiloConnection
{
    private readonly Connection _connection;
    private readonly ConcurrentDictionary<long, PendingCall> _pending = new();
    private readonly TaskCompletionSource<Message> _helloAck = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextId;

    private SiloConnection(SiloAddress silo, Connection connection)
    {
        Silo = silo;
        _connection = connection;
        connection.OnMessage = OnMessage;
        connection.OnWritten = OnWritten;
    }

    public SiloAddress Silo { get; }

    public bool IsClosed => _connection.IsClosed;

    public CancellationToken Closed => _connection.Closed;

    public int PendingCount => _pending.Count;

    public static async Task<SiloConnection> ConnectAsync(SiloAddress silo, string selfId, string clusterId, TimeSpan timeout, ILogger logger, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(silo.Host, silo.Port, timeoutSource.Token).ConfigureAwait(false);
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionRefused)
        {
            socket.Dispose();
            throw new ConnectionFailedException($"Silo {silo} refused the connection.", ConnectionFailure.Refused, delivered: false, ex);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            socket.Dispose();
            throw new ConnectionFailedException($"Could not connect to silo {silo}.", ConnectionFailure.Lost, delivered: false, ex);
        }

        var stream = new NetworkStream(socket, ownsSocket: true);
        var pipe = new StreamDuplexPipe(PipeReader.Create(stream), PipeWriter.Create(stream));
        var connection = new Connection(pipe, $"to {silo}", logger);
        var siloConnection = new SiloConnection(silo, connection);
        // A process that is dying may still complete a TCP handshake from its accept queue, then reset the connection:
        // that ends the wait for the answer at once, instead of after the whole connect timeout.
        using var closed = connection.Closed.Register(static state => ((SiloConnection)state!)._helloAck.TrySetException(
            new ConnectionFailedException($"Silo {((SiloConnection)state!).Silo} closed the connection during the handshake.", ConnectionFailure.Lost, delivered: false)), siloConnection);
        _ = RunAndDisposeAsync(connection, stream);
        connection.Send(new Message { Kind = MessageKind.Hello, Sender = selfId, SenderName = clusterId });
        Message ack;
        try
        {
            ack = await siloConnection._helloAck.Task.WaitAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex)
        {
            connection.Close();
            throw new ConnectionFailedException($"Silo {silo} did not answer the handshake.", ConnectionFailure.Lost, delivered: false, ex);
        }

        if (!string.Equals(ack.Sender, silo.Id, StringComparison.Ordinal))
        {
            connection.Close();
            throw new ConnectionFailedException($"Expected silo {silo} but {ack.Sender} answers at its endpoint.", ConnectionFailure.WrongIncarnation, delivered: false);
        }

        return siloConnection;
    }

    /// <summary>Sends a request; the task fails with <see cref="ConnectionFailedException"/> if the connection breaks first.</summary>
    public Task<Message> SendRequestAsync(Message request, long deadline)
    {
        var id = Interlocked.Increment(ref _nextId);
        request.Id = id;
        var call = new PendingCall(deadline);
        _pending[id] = call;
        if (!_connection.Send(request))
        {
            _pending.TryRemove(id, out _);
            return Task.FromException<Message>(new ConnectionFailedException($"The connection to {Silo} is closed.", ConnectionFailure.Lost, delivered: false));
        }

        return call.Task;
    }

    public async Task<bool> PingAsync(TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        var id = Interlocked.Increment(ref _nextId);
        var call = new PendingCall(deadline);
        _pending[id] = call;
        if (!_connection.Send(new Message { Kind = MessageKind.Ping, Id = id }))
        {
            _pending.TryRemove(id, out _);
            return false;
        }

        try
        {
            await call.Task.WaitAsync(timeout).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is TimeoutException or ConnectionFailedException)
        {
            _pending.TryRemove(id, out _);
            return false;
        }
    }

    /// <summary>Fails the calls whose caller stopped waiting; run periodically rather than with a timer per call.</summary>
    public void ExpireOverdue(long now)
    {
        foreach (var (id, call) in _pending)
        {
            if (call.Deadline <= now && _pending.TryRemove(id, out _))
            {
                call.TrySetException(new GrainCallTimeoutException($"No response from silo {Silo} before the call's deadline."));
            }
        }
    }

    public void Close() => _connection.Close();

    private static async Task RunAndDisposeAsync(Connection connection, NetworkStream stream)
    {
        try
        {
            await connection.RunAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void OnMessage(Message message)
    {
        switch (message.Kind)
        {
            case MessageKind.HelloAck:
                _helloAck.TrySetResult(message);
                break;
            case MessageKind.Response:
            case MessageKind.Pong:
                if (_pending.TryRemove(message.Id, out var call))
                {
                    call.TrySetResult(message);
                }

                break;
            default:
                break;
        }
    }

    private void OnWritten(Message message)
    {
        if (message.Kind == MessageKind.Request && _pending.TryGetValue(message.Id, out var call))
        {
            call.Written = true;
        }
    }

    /// <summary>Fails every call still waiting: re-routable if it never left this process, unknown otherwise.</summary>
    public void FailPending()
    {
        foreach (var (id, call) in _pending)
        {
            if (_pending.TryRemove(id, out _))
            {
                call.TrySetException(new ConnectionFailedException(
                    $"The connection to silo {Silo} broke before it answered.", ConnectionFailure.Lost, delivered: call.Written));
            }
        }
    }
}
