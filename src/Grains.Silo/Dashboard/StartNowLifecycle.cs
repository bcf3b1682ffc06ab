namespace Grains.Silo.Dashboard;

/// <summary>
/// A silo lifecycle of one step, for a participant that is started again after the silo's own lifecycle has run: it
/// collects what the participant subscribes and starts it, stage by stage, when asked. It never stops anything.
/// </summary>
internal sealed class StartNowLifecycle : ISiloLifecycle
{
    private readonly List<(int Stage, ILifecycleObserver Observer)> _observers = [];

    public int HighestCompletedStage { get; private set; } = int.MinValue;

    public int LowestStoppedStage => int.MaxValue;

    public IDisposable Subscribe(string observerName, int stage, ILifecycleObserver observer)
    {
        _observers.Add((stage, observer));
        return new Unsubscriber(this, observer);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (stage, observer) in _observers.OrderBy(o => o.Stage))
        {
            await observer.OnStart(cancellationToken).ConfigureAwait(false);
            HighestCompletedStage = stage;
        }
    }

    private sealed class Unsubscriber(StartNowLifecycle lifecycle, ILifecycleObserver observer) : IDisposable
    {
        public void Dispose() => lifecycle._observers.RemoveAll(o => o.Observer == observer);
    }
}
