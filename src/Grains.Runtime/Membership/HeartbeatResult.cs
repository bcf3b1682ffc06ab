namespace Grains.Runtime.Membership;

public enum HeartbeatResult
{
    /// <summary>The heartbeat was recorded: the silo is still a member.</summary>
    Alive,

    /// <summary>The silo was declared dead (or its row is gone): it must stop serving at once.</summary>
    Dead,
}
