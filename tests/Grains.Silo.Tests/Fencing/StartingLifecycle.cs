namespace Grains.Silo.Tests.Fencing;

/// <summary>A silo lifecycle that only collects its observers, for a test to start and stop one participant by hand.</summary>
public sealed class StartingLifecycle : ISiloLifecycle
{
    private readonly List<ILifecycleObserver> _observers = [];

    public int HighestCompletedStage => int.MinValue;

    public int LowestStoppedStage => int.MaxValue;

    public IDisposable Subscribe(string observerName, int stage, ILifecycleObserver observer)
    {
        _observers.Add(observer);
        return new Unsubscriber();
    }

    public Task StartAsync() => Task.WhenAll(_observers.Select(o => o.OnStart(CancellationToken.None)));

    public Task StopAsync() => Task.WhenAll(_observers.Select(o => o.OnStop(CancellationToken.None)));

    private sealed class Unsubscriber : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
