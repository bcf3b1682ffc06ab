using System.Text.Json;
using StackExchange.Redis;

namespace Grains.Gateway.Tests.Infrastructure;

/// <summary>
/// What a cluster has written to its Redis, read the way an operator would (docs/redis-keys.md): the membership table
/// and the grain directory. Tests use it to wait for silos and to check which silo holds a grain, without asking the
/// cluster itself.
/// </summary>
public sealed class ClusterView(string connectionString, string clusterId) : IAsyncDisposable
{
    /// <summary>The membership status of an active silo (Orleans' SiloStatus.Active).</summary>
    private const int ActiveStatus = 3;

    private readonly Lazy<Task<ConnectionMultiplexer>> _redis = new(() => ConnectRedisAsync(connectionString));

    /// <summary>The names of the silos the membership table lists as active.</summary>
    public async Task<IReadOnlySet<string>> ActiveSiloNamesAsync() =>
        (await MembersAsync()).Where(m => m.Status == ActiveStatus).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);

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
        return (await MembersAsync()).SingleOrDefault(m => m.Address == address)?.Name;
    }

    public async ValueTask DisposeAsync()
    {
        if (_redis.IsValueCreated)
        {
            await (await _redis.Value).DisposeAsync();
        }
    }

    private async Task<IReadOnlyList<MembershipRow>> MembersAsync()
    {
        var database = (await _redis.Value).GetDatabase();
        var rows = await database.HashGetAllAsync($"{clusterId}/members/{clusterId}");
        return [.. rows.Where(r => r.Name.ToString() != "Version").Select(r => MembershipRow.Parse(r.Value.ToString()))];
    }

    private static async Task<ConnectionMultiplexer> ConnectRedisAsync(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        return await ConnectionMultiplexer.ConnectAsync(options);
    }
}
