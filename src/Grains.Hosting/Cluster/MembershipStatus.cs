namespace Grains.Hosting.Cluster;

/// <summary>A silo's status in the membership table, with the values of Orleans' <c>SiloStatus</c> as stored there.</summary>
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
