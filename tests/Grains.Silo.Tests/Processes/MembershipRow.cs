using System.Text.Json;

namespace Grains.Silo.Tests.Processes;

/// <summary>One silo's row of the Redis membership hash, as the silos wrote it.</summary>
/// <param name="Status">Orleans' <c>SiloStatus</c>: 2 Joining, 3 Active, 4 ShuttingDown, 5 Stopping, 6 Dead.</param>
public sealed record MembershipRow(string Address, string Name, int Status)
{
    public const int Active = 3;
    public const int Dead = 6;

    /// <summary>The incarnation of the silo at <see cref="Address"/> (<c>host:port@generation</c>): a restart is a newer one.</summary>
    public long Generation => long.Parse(Address.AsSpan(Address.IndexOf('@', StringComparison.Ordinal) + 1), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads the JSON value of a silo's field; the hash's <c>Version</c> field is not a row.</summary>
    public static MembershipRow Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new MembershipRow(
            root.GetProperty("SiloAddress").GetProperty("SiloAddress").GetString() ?? string.Empty,
            root.GetProperty("SiloName").GetString() ?? string.Empty,
            root.GetProperty("Status").GetInt32());
    }
}
