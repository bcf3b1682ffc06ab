using System.Text;
using Grains.Runtime.Hosting;
using Grains.Runtime.InMemory;
using Grains.Runtime.Messaging;
using Grains.Runtime.Tests.Infrastructure;
using Grains.TestGrains;
using Microsoft.Extensions.DependencyInjection;

namespace Grains.Runtime.Tests;

public sealed class ForwardingTests
{
    [Fact]
    public async Task A_call_that_reaches_the_wrong_silo_is_forwarded_to_the_grains_activation()
    {
        var store = new InMemoryClusterStore();
        await using var cluster = await InProcessCluster.StartAsync(2, b => b.UseInMemory(store));
        var grain = cluster.Client.GetGrain<ICounterGrain>("forwarded");
        await grain.AddAsync(41);
        var owner = await grain.WhereAsync();
        var other = cluster.Silos.Single(s => s.Name != owner);

        // Deliver the call straight to the silo that does not hold the grain, as a caller with a stale cache would.
        var dispatcher = other.Host.Services.GetRequiredService<Dispatcher>();
        var response = await dispatcher.DispatchLocalAsync(new Message
        {
            Kind = MessageKind.Request,
            Grain = new GrainId("ICounterGrain", "forwarded"),
            Method = nameof(ICounterGrain.GetAsync),
            TimeoutMs = 10_000,
            Body = Encoding.UTF8.GetBytes("[]"),
        });

        Assert.Equal(ResponseStatus.Ok, response.Status);
        Assert.Equal(owner, response.SenderName);
        Assert.Equal("41", Encoding.UTF8.GetString(response.Body.Span));
        Assert.Empty(cluster.Activations.FindOverlaps());
    }
}
