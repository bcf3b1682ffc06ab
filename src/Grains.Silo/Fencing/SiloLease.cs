using Grains.Shop.Contracts.Serving;

namespace Grains.Silo.Fencing;

/// <summary>
/// Whether this silo may serve grain calls right now. The lease is valid until <see cref="FencingOptions.LeaseDuration"/>
/// after the start of the last read that found the silo still a member, measured on the monotonic clock: a process that
/// was paused (SIGSTOP, a long GC, a frozen VM) finds on resuming that its lease ran out while it was stopped, however
/// many calls wait in its queues.
/// </summary>
public sealed class SiloLease(TimeProvider timeProvider) : IServingLease
{
    private long _validUntil = long.MinValue;
    private long _epoch;
    private long _lastRenewalFailure = long.MinValue;

    /// <summary>True while the lease holds.</summary>
    public bool IsHeld => timeProvider.GetTimestamp() < Volatile.Read(ref _validUntil);

    /// <summary>
    /// How many times the lease was taken after it had lapsed (the first time included): the same epoch at two moments
    /// when the lease held means it held all the time between them.
    /// </summary>
    public long Epoch => Interlocked.Read(ref _epoch);

    /// <summary>When a renewal last failed (a timestamp of the lease's clock), or <see cref="long.MinValue"/>: a sign that the store was in trouble then.</summary>
    public long LastRenewalFailure => Interlocked.Read(ref _lastRenewalFailure);

    /// <summary>Records that a renewal failed now.</summary>
    public void RenewalFailed() => Interlocked.Exchange(ref _lastRenewalFailure, timeProvider.GetTimestamp());

    /// <summary>
    /// Extends the lease to <paramref name="duration"/> after <paramref name="confirmedAt"/>, the timestamp taken before
    /// the confirming read was sent (a reply proves membership no later than that). Never shortens it.
    /// </summary>
    /// <returns>True when the lease had lapsed and holds again.</returns>
    public bool Renew(long confirmedAt, TimeSpan duration)
    {
        var until = confirmedAt + (long)(duration.TotalSeconds * timeProvider.TimestampFrequency);
        var now = timeProvider.GetTimestamp();
        long current;
        do
        {
            current = Volatile.Read(ref _validUntil);
            if (until <= current)
            {
                return false;
            }
        }
        while (Interlocked.CompareExchange(ref _validUntil, until, current) != current);

        if (current <= now)
        {
            Interlocked.Increment(ref _epoch);
            return true;
        }

        return false;
    }
}
