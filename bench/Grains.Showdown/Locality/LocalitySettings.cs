namespace Grains.Showdown.Locality;

/// <param name="Users">Users under load, two requests in flight each.</param>
/// <param name="Duration">How long the load runs.</param>
/// <param name="JoinAt">When a third silo is started.</param>
/// <param name="KillAt">When silo-1 is killed.</param>
internal sealed record LocalitySettings(int Users, TimeSpan Duration, TimeSpan JoinAt, TimeSpan KillAt)
{
    public static LocalitySettings Default { get; } = new(64, TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(65));
}
