namespace Grains.Testing;

public sealed class RedisServerOptions
{
    /// <summary>Names the environment variable that forces a server kind for a whole test run: <c>redis</c> or <c>garnet</c>.</summary>
    public const string KindVariable = "GRAINS_TEST_REDIS_SERVER";

    /// <summary>
    /// Which server to start. When null: the kind named by <see cref="KindVariable"/>, else <c>redis-server</c> if it is
    /// on the PATH, else Garnet.
    /// </summary>
    public RedisServerKind? Kind { get; set; }

    /// <summary>
    /// Log every write to disk before acknowledging it (Redis: <c>--appendonly yes --appendfsync always</c>; Garnet:
    /// <c>--aof --aof-commit-wait</c>), so that <see cref="RedisServer.KillAsync"/> followed by
    /// <see cref="RedisServer.RestartAsync"/> loses no acknowledged write. Without it a restart starts empty.
    /// </summary>
    public bool AppendOnly { get; set; }

    /// <summary>How long a start may take before it counts as failed.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
