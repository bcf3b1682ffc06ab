namespace Grains.Gateway.Operators;

/// <summary>
/// Starts the gateway's Orleans client in the background and tells whether it has connected. Orleans' client does not
/// start while the membership table lists no active silo, and as a hosted service of its own it would hold up the
/// gateway's start and then fail it. A gateway instead starts at once, answers 503 (and <c>/health/ready</c> fails)
/// while it has no cluster, and connects as soon as a silo is active; after that Orleans keeps the connection.
/// </summary>
public sealed partial class ClusterConnection(IClusterClient client, ILogger<ClusterConnection> logger) : BackgroundService
{
    private volatile bool _connected;

    /// <summary>Whether the client has connected to the cluster once; grain calls fail before that.</summary>
    public bool IsConnected => _connected;

    /// <exception cref="ClusterNotConnectedException">The client has not connected yet.</exception>
    public void ThrowIfNotConnected()
    {
        if (!_connected)
        {
            throw new ClusterNotConnectedException("The gateway has not connected to the cluster yet.");
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_connected)
        {
            await ((IHostedService)client).StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The client's connection retry filter (ClusterClientExtensions) retries until a silo is there or the gateway stops.
        await ((IHostedService)client).StartAsync(stoppingToken).ConfigureAwait(false);
        _connected = true;
        LogConnected(logger);
    }

    [LoggerMessage(1, LogLevel.Information, "Connected to the cluster.")]
    private static partial void LogConnected(ILogger logger);
}
