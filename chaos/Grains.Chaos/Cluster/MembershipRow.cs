namespace Grains.Chaos.Cluster;

/// <summary>
/// One silo's row of the membership table, as much of it as the chaos tool needs. <see cref="IAmAliveTime"/> is the
/// silo's own last heartbeat; a silo declared dead by its peers stops writing it, so for a dead silo it is the last
/// time it was known to run.
/// </summary>
/// <param name="Port">The silo-to-silo port the silo bound (it starts with port 0 and picks a free one).</param>
/// <param name="Generation">Tells apart two silos that used the same address and port one after the other.</param>
/// <param name="GatewayPort">The port clients connect to.</param>
public sealed record MembershipRow(
    string Name,
    string Host,
    int Port,
    int Generation,
    MembershipStatus Status,
    int GatewayPort,
    DateTimeOffset StartTime,
    DateTimeOffset IAmAliveTime);
