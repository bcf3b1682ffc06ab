using System.IO.Pipelines;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Grains.Runtime.Messaging;

/// <summary>
/// A persistent, multiplexed connection: many messages in flight each way. Outgoing messages queue in a channel and
/// one writer loop drains them in batches, flushing once per batch, so that concurrent calls share system calls.
/// </summary>
internal sealed partial class Connection
{
    private const int FlushThreshold = 64 * 1024;
    private readonly IDuplexPipe _transport;
    private readonly ILogger _logger;
    private readonly Channel<Message> _outgoing = Channel.CreateUnbounded<Message>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _closed = new();
    private readonly Utf8StringCache _strings = new();

    public Connection(IDuplexPipe transport, string description, ILogger logger)
    {
        _transport = transport;
        Description = description;
        _logger = logger;
    }

    public string Description { get; }

    /// <summary>Handles each incoming message on the read loop; must not block.</summary>
    public Action<Message>? OnMessage { get; set; }

    /// <summary>Called on the write loop once a message has been handed to the transport.</summary>
    public Action<Message>? OnWritten { get; set; }

    public CancellationToken Closed => _closed.Token;

    public bool IsClosed => _closed.IsCancellationRequested;

    public bool Send(Message message) => !IsClosed && _outgoing.Writer.TryWrite(message);

    /// <summary>Runs the read and write loops until either side ends, then closes both.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var registration = cancellationToken.Register(static state => ((Connection)state!).Close(), this);
        var reading = ReadLoopAsync();
        var writing = WriteLoopAsync();
        await Task.WhenAny(reading, writing).ConfigureAwait(false);
        Close();
        await Task.WhenAll(reading, writing).ConfigureAwait(false);
    }

    public void Close()
    {
        if (_closed.IsCancellationRequested)
        {
            return;
        }

        _outgoing.Writer.TryComplete();
        try
        {
            _closed.Cancel();
        }
        catch (AggregateException ex)
        {
            LogCloseCallbackFailed(_logger, ex, Description);
        }

        _transport.Input.CancelPendingRead();
    }

    private async Task ReadLoopAsync()
    {
        var input = _transport.Input;
        try
        {
            while (!IsClosed)
            {
                var result = await input.ReadAsync().ConfigureAwait(false);
                var buffer = result.Buffer;
                try
                {
                    while (MessageCodec.TryRead(ref buffer, _strings, out var message))
                    {
                        OnMessage?.Invoke(message!);
                    }
                }
                finally
                {
                    input.AdvanceTo(buffer.Start, buffer.End);
                }

                if (result.IsCompleted || result.IsCanceled)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ObjectDisposedException or OperationCanceledException)
        {
            LogReadEnded(_logger, Description, ex.GetType().Name);
        }
        finally
        {
            Close();
            await input.CompleteAsync().ConfigureAwait(false);
        }
    }

    private async Task WriteLoopAsync()
    {
        var output = _transport.Output;
        var reader = _outgoing.Reader;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                var pending = 0L;
                while (reader.TryRead(out var message))
                {
                    MessageCodec.Write(output, message);
                    OnWritten?.Invoke(message);
                    pending = output.UnflushedBytes;
                    if (pending >= FlushThreshold)
                    {
                        await output.FlushAsync().ConfigureAwait(false);
                    }
                }

                var flush = await output.FlushAsync().ConfigureAwait(false);
                if (flush.IsCompleted || flush.IsCanceled)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            LogWriteEnded(_logger, Description, ex.GetType().Name);
        }
        finally
        {
            Close();
            await output.CompleteAsync().ConfigureAwait(false);
        }
    }
}
