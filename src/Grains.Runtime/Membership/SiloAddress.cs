using System.Globalization;

namespace Grains.Runtime.Membership;

/// <summary>
/// Where a silo listens, and which incarnation it is. A silo restarted on the same endpoint gets a new
/// generation, so the cluster never confuses it with its dead predecessor.
/// </summary>
public sealed record SiloAddress(string Host, int Port, long Generation)
{
    /// <summary>The canonical string form, <c>host:port@generation</c>, used on the wire and in stores.</summary>
    public string Id => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}@{Generation}");

    public string Endpoint => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");

    public override string ToString() => Id;

    public static SiloAddress Parse(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var at = id.LastIndexOf('@');
        var colon = at > 0 ? id.LastIndexOf(':', at) : -1;
        if (colon <= 0
            || !int.TryParse(id.AsSpan(colon + 1, at - colon - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || !long.TryParse(id.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var generation))
        {
            throw new FormatException($"'{id}' is not a silo address of the form host:port@generation.");
        }

        return new SiloAddress(id[..colon], port, generation);
    }
}
