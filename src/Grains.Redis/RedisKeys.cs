namespace Grains.Redis;

/// <summary>
/// The one key scheme of the Redis providers. Every key of a cluster starts with <c>grains:{&lt;clusterId&gt;}</c>;
/// the braces are a Redis Cluster hash tag, so all of a cluster's keys live in one slot and a Lua script may touch
/// several of them atomically. Clusters with different ids share nothing.
/// <list type="table">
/// <item><term><c>grains:{c}:members</c></term><description>
/// Hash, one field per silo incarnation (<see cref="Runtime.Membership.SiloAddress.Id"/>, <c>host:port@generation</c>),
/// value <c>&lt;status&gt;|&lt;startedAtMs&gt;|&lt;lastHeartbeatMs&gt;|&lt;name&gt;</c>: the numeric
/// <see cref="Runtime.Membership.SiloStatus"/> and Unix milliseconds by the Redis server's clock. For a dead silo
/// the heartbeat field holds the time it was declared dead.</description></item>
/// <item><term><c>grains:{c}:members:changed</c></term><description>
/// Pub/sub channel; the membership scripts publish the changed silo's id on every join, status change and death.</description></item>
/// <item><term><c>grains:{c}:directory</c></term><description>
/// Hash, one field per registered grain (<see cref="Runtime.GrainId.ToString"/>, <c>type/key</c>), value
/// <c>&lt;siloId&gt;|&lt;activationId&gt;</c>.</description></item>
/// <item><term><c>grains:{c}:activations</c></term><description>
/// List, the activation journal (only when <see cref="RedisOptions.RecordActivations"/> is on): one entry per activation
/// start and end, <c>&lt;unixMs&gt;|&lt;kind&gt;|&lt;activationId&gt;|&lt;siloId&gt;|&lt;grainId&gt;</c>.</description></item>
/// <item><term><c>grains:{c}:state:&lt;grainType&gt;:&lt;stateName&gt;:&lt;grainKey&gt;</c></term><description>
/// Hash with the fields <c>etag</c> and <c>data</c> (the state as JSON). Absent when the grain has no record. The grain
/// key comes last, so it may hold any character; grain type and state names are expected to be free of <c>:</c>.</description></item>
/// </list>
/// </summary>
public sealed class RedisKeys
{
    private const string Root = "grains";

    public RedisKeys(string clusterId)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterId);
        if (clusterId.AsSpan().IndexOfAny('{', '}') >= 0)
        {
            throw new ArgumentException("A cluster id cannot contain braces: they delimit the Redis hash tag.", nameof(clusterId));
        }

        Prefix = $"{Root}:{{{clusterId}}}";
        Members = $"{Prefix}:members";
        MembershipChanges = $"{Members}:changed";
        Directory = $"{Prefix}:directory";
    }

    /// <summary><c>grains:{&lt;clusterId&gt;}</c>: the start of every key of the cluster.</summary>
    public string Prefix { get; }

    /// <summary>The membership hash.</summary>
    public string Members { get; }

    /// <summary>The pub/sub channel on which membership changes are announced.</summary>
    public string MembershipChanges { get; }

    /// <summary>The grain directory hash.</summary>
    public string Directory { get; }

    /// <summary>The activation journal list.</summary>
    public string Activations => $"{Prefix}:activations";

    /// <summary>The hash that holds one grain's state of the given name.</summary>
    public string State(string grainType, string stateName, string grainKey)
    {
        ArgumentNullException.ThrowIfNull(grainType);
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(grainKey);
        return $"{Prefix}:state:{grainType}:{stateName}:{grainKey}";
    }
}
