using Grains.Runtime.Hosting;
using Grains.Runtime.InMemory;
using Grains.Runtime.Messaging;
using Grains.Runtime.Tests.Infrastructure;
using Grains.TestGrains;
using Microsoft.Extensions.DependencyInjection;

namespace Grains.Runtime.Tests;

public sealed class TurnBasedExecutionTests : IAsyncLifetime
{
    private InProcessCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var store = new InMemoryClusterStore();
        _cluster = await InProcessCluster.StartAsync(1, b => b.UseInMemory(store), s => s.Configure<MessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(2)));
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Calls_run_in_the_order_they_were_sent()
    {
        var grain = _cluster.Client.GetGrain<ISequenceGrain>("order");

        // Once the grain is active and the connection is up, nothing but the mailbox orders the calls.
        await grain.GetAsync();
        var calls = Enumerable.Range(0, 200).Select(i => grain.AppendAsync(i, delayMs: i % 7 == 0 ? 1 : 0)).ToList();
        await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(0, 200), await grain.GetAsync());
    }

    [Fact]
    public async Task A_grain_runs_one_call_at_a_time()
    {
        var grain = _cluster.Client.GetGrain<ISequenceGrain>("one-at-a-time");
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => grain.AppendAsync(i, delayMs: 10)));

        Assert.Equal(1, await grain.GetMaxConcurrencyAsync());
        Assert.Equal(20, (await grain.GetAsync()).Count);
    }

    [Fact]
    public async Task A_reentrant_grain_interleaves_calls_that_await()
    {
        var grain = _cluster.Client.GetGrain<IReentrantSequenceGrain>("interleaved");
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => grain.AppendAsync(i, delayMs: 50)));

        Assert.True(await grain.GetMaxConcurrencyAsync() > 1);
    }

    [Fact]
    public async Task A_call_cycle_between_non_reentrant_grains_times_out()
    {
        var grain = _cluster.Client.GetGrain<ISequenceGrain>("cycle-a");

        // Whichever deadline fires first: the caller's own, or the nested call's inside the cycle.
        var error = await Assert.ThrowsAnyAsync<Exception>(() => grain.CallThroughAsync("cycle-b"));
        Assert.True(error is GrainCallTimeoutException || (error is GrainException nested && nested.Is<TimeoutException>()), error.ToString());
    }

    [Fact]
    public async Task A_call_cycle_between_reentrant_grains_completes()
    {
        var grain = _cluster.Client.GetGrain<IReentrantSequenceGrain>("reentrant-cycle-a");
        await grain.AppendAsync(1, 0);

        Assert.Equal(1, await grain.CallThroughAsync("reentrant-cycle-b"));
    }

    [Fact]
    public async Task A_call_that_outlives_its_timeout_fails_with_GrainCallTimeoutException()
    {
        var grain = _cluster.Client.GetGrain<ISequenceGrain>("slow");

        var error = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => grain.DelayAsync(5_000));
        Assert.Contains("DelayAsync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_call_timeout_is_30_seconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), new MessagingOptions().ResponseTimeout);
    }

    [Fact]
    public async Task An_exception_thrown_by_a_grain_reaches_the_caller_as_a_GrainException()
    {
        var grain = _cluster.Client.GetGrain<ICounterGrain>("thrower");

        var error = await Assert.ThrowsAsync<GrainException>(() => grain.FailAsync("no such thing"));
        Assert.Equal(typeof(ArgumentException).FullName, error.ExceptionType);
        Assert.True(error.Is<ArgumentException>());
        Assert.True(error.Is<SystemException>());
        Assert.False(error.Is<InvalidOperationException>());
        Assert.Equal("no such thing", error.Message);
        Assert.Equal(new GrainId("ICounterGrain", "thrower"), error.GrainId);
    }
}
