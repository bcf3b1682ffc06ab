using System.Text.Json;

namespace Grains.Gateway.Tests.Infrastructure;

/// <summary>One silo's row of the membership table in Redis: its name, its address (<c>ip:port@generation</c>) and its status.</summary>
public sealed record MembershipRow(string Name, string Address, int Status)
{
    public static MembershipRow Parse(string json)
    {
        var row = JsonDocument.Parse(json).RootElement;
        return new MembershipRow(
            row.GetProperty("SiloName").GetString()!,
            row.GetProperty("SiloAddress").GetProperty("SiloAddress").GetString()!,
            row.GetProperty("Status").GetInt32());
    }
}
