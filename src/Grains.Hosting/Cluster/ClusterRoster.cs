using System.Globalization;
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
    private const string VersionField = "Version";

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

        var silos = new List<RosterSilo>();
        foreach (var row in await members.ConfigureAwait(false))
        {
            if (row.Name != VersionField && ParseRow(row.Value.ToString()) is { } silo)
            {
                silos.Add(silo with { Http = http.GetValueOrDefault(silo.Address) });
            }
        }

        return silos;
    }

    /// <summary>
    /// Reads a membership row such as <c>{"SiloAddress":{"SiloAddress":"127.0.0.1:11112@155235060"},"Status":3,
    /// "SiloName":"silo-2",...}</c>; null when it is not one.
    /// </summary>
    public static RosterSilo? ParseRow(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var address = root.GetProperty("SiloAddress").GetProperty("SiloAddress").GetString() ?? string.Empty;
            var at = address.LastIndexOf('@');
            var colon = at < 0 ? -1 : address.LastIndexOf(':', at);
            if (colon <= 0 || !int.TryParse(address.AsSpan(colon + 1, at - colon - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                return null;
            }

            return new RosterSilo(
                address,
                UserRouting.SiloKey(address[..colon], port),
                root.TryGetProperty("SiloName", out var name) ? name.GetString() ?? string.Empty : string.Empty,
                (MembershipStatus)root.GetProperty("Status").GetInt32(),
                null);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

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
