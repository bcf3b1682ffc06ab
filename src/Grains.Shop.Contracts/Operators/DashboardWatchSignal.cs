using Orleans.Providers;

namespace Grains.Shop.Contracts.Operators;

/// <summary>
/// The signal a gateway sends to every silo while an operator looks at the Orleans dashboard: through Orleans' management
/// grain (<c>IManagementGrain.SendControlCommandToProvider</c>), which hands it to the keyed <see cref="IControllable"/>
/// of this type named <see cref="ProviderName"/> on each silo. A silo feeds the dashboard's counters only while it hears
/// this signal, so that an unwatched dashboard costs the cluster nothing measurable (docs/dashboard.md, "Cost").
/// </summary>
public sealed class DashboardWatchSignal(TimeProvider time) : IControllable
{
    /// <summary>The name under which silos register the signal.</summary>
    public const string ProviderName = "grains-dashboard-watch";

    /// <summary>The one command: someone is looking at the dashboard now.</summary>
    public const int WatchedCommand = 1;

    private long _lastWatched;

    /// <summary>Raised on every signal, on the silo's thread that received it.</summary>
    public event EventHandler? Watched;

    /// <summary>Whether a signal came within <paramref name="window"/>; false when none ever came.</summary>
    public bool WatchedWithin(TimeSpan window) => Interlocked.Read(ref _lastWatched) is var last and not 0 && time.GetElapsedTime(last) < window;

    public Task<object?> ExecuteCommand(int command, object? arg)
    {
        if (command != WatchedCommand)
        {
            throw new ArgumentOutOfRangeException(nameof(command), command, "The dashboard watch signal knows one command.");
        }

        Interlocked.Exchange(ref _lastWatched, time.GetTimestamp());
        Watched?.Invoke(this, EventArgs.Empty);
        return Task.FromResult<object?>(null);
    }
}
