namespace Grains.Chaos.Workload;

/// <summary>
/// The one clock of a run: Unix milliseconds of this machine. The silos' activation journals are stamped from the same
/// wall clock (in microseconds), since every process of a run runs on this machine, so times from both compare.
/// </summary>
public static class RunClock
{
    public static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
