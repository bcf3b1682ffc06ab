using Grains.Runtime.Membership;
using Grains.Runtime.Messaging;
using Microsoft.Extensions.Hosting;

namespace Grains.Runtime.Hosting;

/// <summary>Starts a cluster client: reads the membership so that calls can be routed, and keeps it current.</summary>
internal sealed class ClientLifecycle(MembershipRefresher refresher, ConnectionManager connections) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => refresher.StartAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await refresher.DisposeAsync().ConfigureAwait(false);
        await connections.DisposeAsync().ConfigureAwait(false);
    }
}
