namespace Grains.Hosting.Cluster;

/// <summary>One silo as the gateway sees it: its membership row joined with the HTTP endpoint it published.</summary>
/// <param name="Address">Orleans' silo address, <c>ip:port@generation</c>: unique per incarnation.</param>
/// <param name="Key">The silo's routing key (<see cref="Routing.UserRouting.SiloKey(string, int)"/>).</param>
/// <param name="Http">Its HTTP endpoint, once it serves; null before.</param>
public sealed record RosterSilo(string Address, string Key, string Name, MembershipStatus Status, SiloHttpEndpoint? Http)
{
    /// <summary>Active in the membership table, serving HTTP and not draining: new requests may go to it.</summary>
    public bool IsRoutable => Status == MembershipStatus.Active && Http is { Draining: false };
}
