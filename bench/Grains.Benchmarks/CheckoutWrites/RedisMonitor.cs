using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using StackExchange.Redis;

namespace Grains.Benchmarks.CheckoutWrites;

/// <summary>
/// A connection in Redis' <c>MONITOR</c> mode, on loopback: it sees every command the server runs, in order. A
/// recording is delimited by two <c>ECHO</c> commands sent on another connection, before and after the work measured.
/// </summary>
internal sealed class RedisMonitor : IAsyncDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    private readonly TcpClient _client;
    private readonly StreamReader _reader;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop = new();
    private Task _reading = Task.CompletedTask;

    private RedisMonitor(TcpClient client)
    {
        _client = client;
        _reader = new StreamReader(client.GetStream(), Encoding.Latin1);
    }

    public static async Task<RedisMonitor> StartAsync(string host, int port, CancellationToken cancellationToken)
    {
        var client = new TcpClient();
        try
        {
            await client.ConnectAsync(host, port, cancellationToken);
        }
        catch
        {
            client.Dispose();
            throw;
        }

        var monitor = new RedisMonitor(client);
        try
        {
            await client.GetStream().WriteAsync("MONITOR\r\n"u8.ToArray(), cancellationToken);
            var reply = await monitor._reader.ReadLineAsync(cancellationToken);
            if (reply != "+OK")
            {
                throw new InvalidOperationException($"The server refused MONITOR: {reply}");
            }

            monitor._reading = monitor.ReadAsync();
            return monitor;
        }
        catch
        {
            await monitor.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> and returns every command the server ran meanwhile, from any client.</summary>
    public async Task<IReadOnlyList<MonitoredCommand>> RecordAsync(IDatabase markers, Func<Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(markers);
        ArgumentNullException.ThrowIfNull(work);
        var id = Guid.NewGuid().ToString("N");
        await markers.ExecuteAsync("ECHO", $"begin-{id}");
        await work();
        await markers.ExecuteAsync("ECHO", $"end-{id}");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_timeout);
        var commands = new List<MonitoredCommand>();
        var recording = false;
        await foreach (var line in _lines.Reader.ReadAllAsync(timeout.Token))
        {
            if (line.Contains($"\"begin-{id}\"", StringComparison.Ordinal))
            {
                recording = true;
            }
            else if (line.Contains($"\"end-{id}\"", StringComparison.Ordinal))
            {
                return commands;
            }
            else if (recording && MonitoredCommand.Parse(line) is { } command)
            {
                commands.Add(command);
            }
        }

        throw new InvalidOperationException("The monitor connection closed before the recording ended.");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _client.Dispose();
        try
        {
            await _reading;
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
            // The connection was closed under the reader: that is how it stops.
        }

        _reader.Dispose();
        _stop.Dispose();
    }

    private async Task ReadAsync()
    {
        try
        {
            while (await _reader.ReadLineAsync(_stop.Token) is { } line)
            {
                await _lines.Writer.WriteAsync(line, _stop.Token);
            }
        }
        finally
        {
            _lines.Writer.TryComplete();
        }
    }
}
