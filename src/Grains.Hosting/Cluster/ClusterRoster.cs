using System.Text.Json;
using Grains.Hosting.Routing;
using Grains.Hosting.Serialization;
using StackExchange.Redis;

namespace Grains.Hosting.Cluster;

/// <summary>
/// Reads a cluster's silos from Redis as an outside observer: Orleans' membership table (the rows its Redis clustering
/// provider writes) joined with the HTTP endpoints the silos publish. Only reads; a row it cannot parse is left out.
/// </summary>
public sealed class ClusterRoster(IConnectionMultiplexer redis, string serviceId, string clusterId)
{
    private readonly RedisKey _members = ClusterKeys.Members(serviceId, clusterId);
    private readonly RedisKey _endpoints = ClusterKeys.HttpEndpoints(serviceId, clusterId);

    /// <summary>Every silo in the membership table, dead ones included, with its HTTP endpoint when it published one.</summary>
    /// <exception cref="RedisException">Redis could not be reached.</exception>
    public async Task<IReadOnlyList<RosterSilo>> ReadAsync()
    {
        var database = redis.GetDatabase();
        var members = database.HashGetAllAsync(_members);
        var endpoints = database.HashGetAllAsync(_endpoints);
        var http = new Dictionary<string, SiloHttpEndpoint>(StringComparer.Ordinal);
        foreach (var entry in await endpoints.ConfigureAwait(false))
        {
            if (ParseEndpoint(entry.Value.ToString()) is { } endpoint)
            {
                http[entry.Name.ToString()] = endpoint;
            }
        }

        return [.. Rows(await members.ConfigureAwait(false)).Select(row => new RosterSilo(
            row.Address, UserRouting.SiloKey(row.Host, row.Port), row.Name, row.Status, http.GetValueOrDefault(row.Address)))];
    }

    /// <summary>Every row of the membership table, dead silos included.</summary>
    /// <exception cref="RedisException">Redis could not be reached.</exception>
    public async Task<IReadOnlyList<MembershipRow>> ReadMembershipAsync() =>
        [.. Rows(await redis.GetDatabase().HashGetAllAsync(_members).ConfigureAwait(false))];

    private static IEnumerable<MembershipRow> Rows(HashEntry[] fields) =>
        fields.Where(f => f.Name != MembershipRow.VersionField).Select(f => MembershipRow.Parse(f.Value.ToString())).OfType<MembershipRow>();

    private static SiloHttpEndpoint? ParseEndpoint(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, HostingJsonContext.Default.SiloHttpEndpoint);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
