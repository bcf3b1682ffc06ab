namespace Grains.Chaos.Workload;

/// <summary>
/// The one clock of a run: Unix milliseconds of this machine. The Redis server on loopback stamps the activation
/// journal and the membership table from the same clock, so times from both can be compared.
/// </summary>
public static class RunClock
{
    public static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
