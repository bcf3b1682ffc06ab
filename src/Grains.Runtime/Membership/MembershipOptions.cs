namespace Grains.Runtime.Membership;

/// <summary>
/// Failure-detection timings. A silo heartbeats into the membership table every <see cref="HeartbeatInterval"/>;
/// peers declare it dead when its endpoint refuses connections (a crashed process), or when its last heartbeat is
/// older than <see cref="DeathTimeout"/> by the table's clock (a paused or cut-off process). A silo serves only while
/// its last acknowledged heartbeat is younger than <see cref="LeaseDuration"/>, which is shorter than the death
/// timeout, so it stops serving before anyone may declare it dead.
/// </summary>
public sealed class MembershipOptions
{
    public const string SectionName = "Membership";

    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan DeathTimeout { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMilliseconds(1500);

    /// <summary>How often each silo probes its peers' connections.</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a connection attempt or probe may take.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The slowest path by which a member learns of a change it missed the notification of.</summary>
    public TimeSpan TableRefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Rows of dead silos are removed after this long.</summary>
    public TimeSpan DefunctSiloExpiration { get; set; } = TimeSpan.FromHours(1);
}
