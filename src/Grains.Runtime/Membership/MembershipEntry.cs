namespace Grains.Runtime.Membership;

/// <summary>One silo's row in the membership table.</summary>
/// <param name="Silo">Address and generation.</param>
/// <param name="Name">Human-readable silo name (shown in X-Silo headers and the dashboard).</param>
/// <param name="Status">Lifecycle status.</param>
/// <param name="StartedAt">When the silo joined, by the table's clock.</param>
/// <param name="LastHeartbeat">The silo's last heartbeat, by the table's clock.</param>
public sealed record MembershipEntry(SiloAddress Silo, string Name, SiloStatus Status, DateTimeOffset StartedAt, DateTimeOffset LastHeartbeat);
