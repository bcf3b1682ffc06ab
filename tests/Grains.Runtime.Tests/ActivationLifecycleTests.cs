using Grains.Runtime.Activation;
using Grains.Runtime.Hosting;
using Grains.Runtime.InMemory;
using Grains.Runtime.Serialization;
using Grains.Runtime.Tests.Infrastructure;
using Grains.TestGrains;
using Grains.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grains.Runtime.Tests;

public sealed class ActivationLifecycleTests
{
    [Fact]
    public async Task An_idle_activation_is_collected_and_the_next_call_reactivates_it_with_its_state()
    {
        var store = new InMemoryClusterStore();
        await using var cluster = await InProcessCluster.StartAsync(1, b => b.UseInMemory(store), s => s.Configure<GrainCollectionOptions>(o =>
        {
            o.CollectionAge = TimeSpan.FromMilliseconds(300);
            o.CollectionQuantum = TimeSpan.FromMilliseconds(50);
        }));
        var grain = cluster.Client.GetGrain<ICounterGrain>("idle");
        await grain.AddAsync(7);

        await Poll.UntilAsync(
            () => cluster.Activations.Events.Any(e => e.Kind == ActivationEventKind.Deactivated && e.Grain.Key == "idle"),
            TimeSpan.FromSeconds(10),
            "the idle activation to be collected");

        Assert.Equal(7, await grain.GetAsync());
        Assert.Equal(2, cluster.Activations.Events.Count(e => e.Kind == ActivationEventKind.Activated && e.Grain.Key == "idle"));
    }

    [Fact]
    public void Activations_are_collected_after_15_minutes_idle_by_default()
    {
        Assert.Equal(TimeSpan.FromMinutes(15), new GrainCollectionOptions().CollectionAge);
    }

    [Fact]
    public async Task A_busy_activation_is_not_collected()
    {
        var store = new InMemoryClusterStore();
        // Calls come every 100 ms for 3 s against a 2 s collection age: only a stall of 2 s would let it look idle.
        await using var cluster = await InProcessCluster.StartAsync(1, b => b.UseInMemory(store), s => s.Configure<GrainCollectionOptions>(o =>
        {
            o.CollectionAge = TimeSpan.FromSeconds(2);
            o.CollectionQuantum = TimeSpan.FromMilliseconds(50);
        }));
        var grain = cluster.Client.GetGrain<ICounterGrain>("busy");
        for (var i = 0; i < 30; i++)
        {
            await grain.AddAsync(1);
            await Task.Delay(100);
        }

        Assert.DoesNotContain(cluster.Activations.Events, e => e.Kind == ActivationEventKind.Deactivated && e.Grain.Key == "busy");
    }

    [Fact]
    public async Task DeactivateOnIdle_ends_the_activation_after_the_call()
    {
        var store = new InMemoryClusterStore();
        await using var cluster = await InProcessCluster.StartAsync(1, b => b.UseInMemory(store));
        var grain = cluster.Client.GetGrain<ICounterGrain>("leaving");
        await grain.AddAsync(3);
        await grain.DeactivateAsync();

        await Poll.UntilAsync(
            () => cluster.Activations.Events.Any(e => e.Kind == ActivationEventKind.Deactivated && e.Grain.Key == "leaving"),
            TimeSpan.FromSeconds(10),
            "the activation to deactivate");
        Assert.Equal(3, await grain.GetAsync());
    }

    [Fact]
    public async Task An_etag_conflict_deactivates_the_activation_and_the_next_call_sees_the_stored_state()
    {
        var store = new InMemoryClusterStore();
        await using var cluster = await InProcessCluster.StartAsync(1, b => b.UseInMemory(store));
        var grain = cluster.Client.GetGrain<ICounterGrain>("conflict");
        await grain.AddAsync(1);

        // Someone else writes the grain's state behind the activation's back.
        var storage = new InMemoryGrainStorage(store, new GrainSerializer());
        var state = new GrainState<CounterState>();
        var id = new GrainId("ICounterGrain", "conflict");
        await storage.ReadStateAsync("counter", id, state, CancellationToken.None);
        state.State.Value = 100;
        await storage.WriteStateAsync("counter", id, state, fence: null, CancellationToken.None);

        var error = await Assert.ThrowsAsync<GrainException>(() => grain.AddAsync(1));
        Assert.True(error.Is<InconsistentStateException>());
        await Poll.UntilAsync(
            () => cluster.Activations.Events.Any(e => e.Kind == ActivationEventKind.Deactivated && e.Grain.Key == "conflict"),
            TimeSpan.FromSeconds(10),
            "the inconsistent activation to deactivate");

        Assert.Equal(100, await grain.GetAsync());
        Assert.Equal(101, await grain.AddAsync(1));
    }
}
