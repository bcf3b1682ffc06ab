using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;

namespace Grains.Chaos.Cluster;

/// <summary>
/// Reads the cluster's membership table straight from Redis, as an outside observer: a hash
/// <c>{ServiceId}/members/{ClusterId}</c> with a <c>Version</c> field and one JSON value per silo, written by Orleans'
/// Redis clustering provider. Only reads, and only the fields the chaos tool uses (health, names, ports, heartbeats).
/// </summary>
public sealed class MembershipTableReader(IConnectionMultiplexer redis, string serviceId, string clusterId)
{
    private const string VersionField = "Version";

    private readonly RedisKey _key = $"{serviceId}/members/{clusterId}";

    /// <summary>Every silo row of the table; a row that cannot be read is left out (the table is Orleans', not ours).</summary>
    /// <exception cref="RedisException">Redis could not be reached.</exception>
    public async Task<IReadOnlyList<MembershipRow>> ReadAsync()
    {
        var fields = await redis.GetDatabase().HashGetAllAsync(_key);
        return [.. fields.Where(f => f.Name != VersionField).Select(f => Parse(f.Value.ToString())).OfType<MembershipRow>()];
    }

    /// <summary>
    /// Reads a row value such as <c>{"SiloAddress":{"SiloAddress":"127.0.0.1:11112@155235060"},"Status":3,
    /// "ProxyPort":30002,"SiloName":"silo-2","StartTime":"...Z","IAmAliveTime":"...Z",...}</c>; null when it is not one.
    /// </summary>
    public static MembershipRow? Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var address = root.GetProperty("SiloAddress").GetProperty("SiloAddress").GetString() ?? string.Empty;
            var at = address.LastIndexOf('@');
            var colon = at < 0 ? -1 : address.LastIndexOf(':', at);
            if (colon < 0
                || !int.TryParse(address.AsSpan(colon + 1, at - colon - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
                || !int.TryParse(address.AsSpan(at + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var generation))
            {
                return null;
            }

            return new MembershipRow(
                root.GetProperty("SiloName").GetString() ?? string.Empty,
                address[..colon],
                port,
                generation,
                (MembershipStatus)root.GetProperty("Status").GetInt32(),
                root.TryGetProperty("ProxyPort", out var proxy) ? proxy.GetInt32() : 0,
                root.GetProperty("StartTime").GetDateTimeOffset(),
                root.GetProperty("IAmAliveTime").GetDateTimeOffset());
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
