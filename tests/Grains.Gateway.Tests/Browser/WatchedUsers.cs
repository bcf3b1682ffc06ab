namespace Grains.Gateway.Tests.Browser;

/// <summary>The users a browser test made; disposing closes their clients.</summary>
public sealed class WatchedUsers(IReadOnlyList<WatchedUser> users) : IDisposable
{
    public IReadOnlyList<WatchedUser> All { get; } = users;

    public void Dispose()
    {
        foreach (var user in All)
        {
            user.Client.Dispose();
        }
    }
}
