namespace Grains.Chaos.Cluster;

/// <summary>A silo's status in the membership table, by the numbers Orleans writes there.</summary>
public enum MembershipStatus
{
    None = 0,
    Created = 1,
    Joining = 2,
    Active = 3,
    ShuttingDown = 4,
    Stopping = 5,
    Dead = 6,
}
