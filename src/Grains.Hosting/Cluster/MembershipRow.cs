using System.Globalization;
using System.Text.Json;

namespace Grains.Hosting.Cluster;

/// <summary>
/// One silo's row of Orleans' membership table, as its Redis clustering provider stores it (a JSON value per silo in
/// <see cref="ClusterKeys.Members"/>), read from outside Orleans. <see cref="IAmAliveTime"/> is the silo's own last
/// heartbeat; a silo declared dead stops writing it, so for a dead silo it is the last time it was known to run.
/// </summary>
/// <param name="Port">The silo-to-silo port the silo bound (it may start with port 0 and pick a free one).</param>
/// <param name="Generation">Tells apart two silos that used the same address and port one after the other.</param>
/// <param name="GatewayPort">The port Orleans clients connect to.</param>
/// <param name="Address">Orleans' silo address as stored, <c>ip:port@generation</c>: unique per incarnation.</param>
public sealed record MembershipRow(
    string Name,
    string Host,
    int Port,
    int Generation,
    MembershipStatus Status,
    int GatewayPort,
    DateTimeOffset StartTime,
    DateTimeOffset IAmAliveTime,
    string Address)
{
    /// <summary>The table's own field next to the rows: its version and etag.</summary>
    public const string VersionField = "Version";

    /// <summary>
    /// Reads a row such as <c>{"SiloAddress":{"SiloAddress":"127.0.0.1:11112@155235060"},"Status":3,"ProxyPort":30002,
    /// "SiloName":"silo-2","StartTime":"...Z","IAmAliveTime":"...Z",...}</c>; null when it is not one (the table is
    /// Orleans', not ours).
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
            if (colon <= 0
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
                root.GetProperty("IAmAliveTime").GetDateTimeOffset(),
                address);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
