namespace Grains.Runtime.Membership;

/// <summary>
/// Whether this silo may serve. The lease runs from the moment a heartbeat was sent (not acknowledged), for
/// <see cref="MembershipOptions.LeaseDuration"/>, on the monotonic clock. Peers may declare the silo dead only after
/// <see cref="MembershipOptions.DeathTimeout"/> of silence by the store's clock, which is longer, so a silo that was
/// paused stops serving before anyone can take over its grains. The silo checks the lease before it runs a call and
/// again before it answers.
/// </summary>
internal sealed class SiloLease(TimeProvider time)
{
    private long _expiresAt;
    private volatile bool _terminated;

    public bool IsTerminated => _terminated;

    public bool IsValid => !_terminated && time.GetTimestamp() < Interlocked.Read(ref _expiresAt);

    /// <summary>Extends the lease after a heartbeat that was sent at <paramref name="sentAt"/> was acknowledged.</summary>
    public void Extend(long sentAt, TimeSpan duration)
    {
        var expiry = sentAt + (long)(duration.TotalSeconds * time.TimestampFrequency);
        long current;
        do
        {
            current = Interlocked.Read(ref _expiresAt);
            if (expiry <= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _expiresAt, expiry, current) != current);
    }

    /// <summary>Ends the lease for good: the silo was declared dead or is being killed.</summary>
    public void Terminate() => _terminated = true;
}
