using System.Net;
using System.Net.Sockets;
using Grains.Runtime.Membership;
using Grains.Runtime.Messaging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Grains.Runtime.Tests;

public sealed class SiloConnectionTests
{
    [Fact]
    public async Task A_peer_that_accepts_and_then_closes_during_the_handshake_fails_the_connect_as_not_delivered()
    {
        // Found by the chaos suite: a silo killed a moment earlier still completed TCP handshakes from its accept queue,
        // and every caller waited out the whole connect timeout for a handshake answer that could not come.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accepting = Task.Run(async () =>
        {
            using var accepted = await listener.AcceptSocketAsync();
            // Once the client's hello has arrived, reset the connection without answering it.
            await accepted.ReceiveAsync(new byte[1]);
            accepted.LingerState = new LingerOption(true, 0);
            accepted.Close();
        });

        var connect = SiloConnection.ConnectAsync(
            new SiloAddress("127.0.0.1", port, 1), "client", "cluster", TimeSpan.FromSeconds(30), NullLogger.Instance, CancellationToken.None);
        var failure = await Assert.ThrowsAsync<ConnectionFailedException>(() => connect);
        await accepting;

        Assert.False(failure.Delivered);
        Assert.Contains("closed the connection during the handshake", failure.Message, StringComparison.Ordinal);
    }
}
