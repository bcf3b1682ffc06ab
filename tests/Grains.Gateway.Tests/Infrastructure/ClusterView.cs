using System.Text.Json;
using Grains.Hosting.Cluster;
using StackExchange.Redis;

namespace Grains.Gateway.Tests.Infrastructure;

/// <summary>
/// What a cluster has written to its Redis, read the way an operator would (docs/redis-keys.md): the membership table,
/// the silos' HTTP endpoints, the grain directory and grain state. Tests use it to wait for silos and to check which
/// silo holds a grain, without asking the cluster itself.
/// </summary>
public sealed class ClusterView(string connectionString, string clusterId) : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _redis = new(() => ConnectRedisAsync(connectionString));

    /// <summary>The names of the silos the membership table lists as active.</summary>
    public async Task<IReadOnlySet<string>> ActiveSiloNamesAsync() =>
        (await SilosAsync()).Where(m => m.Status == MembershipStatus.Active).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>The names of the silos a gateway may send requests to: active, serving HTTP, not draining.</summary>
    public async Task<IReadOnlySet<string>> RoutableSiloNamesAsync() =>
        (await SilosAsync()).Where(m => m.IsRoutable).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>Every silo of the membership table, with its HTTP endpoint.</summary>
    public async Task<IReadOnlyList<RosterSilo>> SilosAsync() =>
        await new ClusterRoster(await _redis.Value, clusterId, clusterId).ReadAsync();

    /// <summary>The name of the silo the grain directory lists for <paramref name="grainId"/> (<c>cart/alice</c>), or null.</summary>
    public async Task<string?> DirectorySiloNameAsync(string grainId)
    {
        var database = (await _redis.Value).GetDatabase();
        var entry = await database.StringGetAsync($"{clusterId}/directory/{grainId}");
        if (entry.IsNullOrEmpty)
        {
            return null;
        }

        var address = JsonDocument.Parse(entry.ToString()).RootElement.GetProperty("SiloAddress").GetString();
        return (await SilosAsync()).SingleOrDefault(m => m.Address == address)?.Name;
    }

    /// <summary>The cluster's Redis database, for a test that changes stored grain state behind the grains' backs.</summary>
    public async Task<IDatabase> DatabaseAsync() => (await _redis.Value).GetDatabase();

    /// <summary>The Redis hash of a grain's state (<c>cart/alice</c>'s is <c>StateKey("cart", "alice", "cart")</c>).</summary>
    public RedisKey StateKey(string grainType, string key, string stateName) => $"{clusterId}/state/{grainType}/{key}/{stateName}";

    /// <summary>Where the silo named <paramref name="name"/> serves HTTP, as it published it.</summary>
    public async Task<Uri> SiloUrlAsync(string name) =>
        (await SilosAsync()).Single(s => s.IsRoutable && s.Name == name).Http!.Url;

    /// <summary>Whether the state of the session is stored: the hash <c>&lt;service&gt;/state/session/&lt;user&gt;/&lt;session&gt;/session</c>.</summary>
    public async Task<bool> SessionIsStoredAsync(string userId, string sessionId) =>
        await (await _redis.Value).GetDatabase().KeyExistsAsync($"{clusterId}/state/session/{userId}/{sessionId}/session");

    /// <summary>How many sessions of <paramref name="userId"/> are stored.</summary>
    public async Task<int> StoredSessionCountAsync(string userId)
    {
        var redis = await _redis.Value;
        var count = 0;
        foreach (var endpoint in redis.GetEndPoints())
        {
            await foreach (var _ in redis.GetServer(endpoint).KeysAsync(pattern: $"{clusterId}/state/session/{userId}/*"))
            {
                count++;
            }
        }

        return count;
    }

    public async ValueTask DisposeAsync()
    {
        if (_redis.IsValueCreated)
        {
            await (await _redis.Value).DisposeAsync();
        }
    }

    private static async Task<ConnectionMultiplexer> ConnectRedisAsync(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        return await ConnectionMultiplexer.ConnectAsync(options);
    }
}
