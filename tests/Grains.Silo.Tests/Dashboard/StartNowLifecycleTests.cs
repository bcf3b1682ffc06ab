using Grains.Silo.Dashboard;

namespace Grains.Silo.Tests.Dashboard;

public sealed class StartNowLifecycleTests
{
    [Fact]
    public async Task It_starts_what_was_subscribed_stage_by_stage_and_only_when_asked()
    {
        var lifecycle = new StartNowLifecycle();
        var started = new List<string>();
        lifecycle.Subscribe("late", 200, new Observer(() => started.Add("late")));
        lifecycle.Subscribe("early", 100, new Observer(() => started.Add("early")));
        Assert.Empty(started);

        await lifecycle.StartAsync(CancellationToken.None);

        Assert.Equal(["early", "late"], started);
        Assert.Equal(200, lifecycle.HighestCompletedStage);
    }

    [Fact]
    public async Task An_observer_that_unsubscribed_is_not_started()
    {
        var lifecycle = new StartNowLifecycle();
        var started = false;
        using (lifecycle.Subscribe("gone", 100, new Observer(() => started = true)))
        {
        }

        await lifecycle.StartAsync(CancellationToken.None);

        Assert.False(started);
    }

    private sealed class Observer(Action onStart) : ILifecycleObserver
    {
        public Task OnStart(CancellationToken cancellationToken = default)
        {
            onStart();
            return Task.CompletedTask;
        }

        public Task OnStop(CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
