using System.Net.Sockets;
using System.Text;

namespace Grains.LocalCluster;

/// <summary>Waits, with a deadline, until a started piece answers.</summary>
public static class Readiness
{
    private static readonly TimeSpan s_interval = TimeSpan.FromMilliseconds(200);

    /// <summary>Until a Redis-compatible server at host:port answers PING.</summary>
    public static Task WaitForRedisAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitAsync(async () =>
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }, timeout, $"Redis on {host}:{port} to answer PING", cancellationToken);

    /// <summary>Until GET <paramref name="url"/> answers 200.</summary>
    public static async Task WaitForHttpOkAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await WaitAsync(async () =>
        {
            using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }, timeout, $"{url} to answer 200", cancellationToken).ConfigureAwait(false);
    }

    private static async Task WaitAsync(Func<Task<bool>> probe, TimeSpan timeout, string awaited, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                if (await probe().ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is SocketException or IOException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not up yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {awaited}.");
            }

            await Task.Delay(s_interval, cancellationToken).ConfigureAwait(false);
        }
    }
}
