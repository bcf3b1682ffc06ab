using System.Diagnostics;

namespace Grains.Showdown.Load;

/// <summary>When the kill happened (Stopwatch timestamp), read by every worker; 0 until then.</summary>
internal sealed class KillClock
{
    private long _killedAt;

    public long KilledAt => Interlocked.Read(ref _killedAt);

    public void Killed() => Interlocked.Exchange(ref _killedAt, Stopwatch.GetTimestamp());

    /// <summary>True when a request that started at <paramref name="timestamp"/> started after the kill.</summary>
    public bool IsAfterKill(long timestamp) => KilledAt is var at && at != 0 && timestamp >= at;
}
