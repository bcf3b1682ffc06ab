using Grains.Hosting.Cluster;

namespace Grains.Silo.Tests.Routing;

public sealed class MembershipRowTests
{
    // A row as Orleans' Redis clustering wrote it for a silo started with Silo:Port=0 and Silo:GatewayPort=0.
    private const string ActiveRow =
        """{"SiloAddress":{"SiloAddress":"127.0.0.1:39591@155236303"},"Status":3,"SuspectTimes":[],"ProxyPort":42921,"HostName":"vm","SiloName":"silo-1","RoleName":"Grains.Silo","UpdateZone":0,"FaultZone":0,"StartTime":"2026-12-02T17:11:43.3823703Z","IAmAliveTime":"2026-12-02T17:11:49.2122804Z"}""";

    [Fact]
    public void A_row_gives_the_silo_s_name_status_ports_and_heartbeat()
    {
        var row = MembershipRow.Parse(ActiveRow);

        Assert.NotNull(row);
        Assert.Equal("silo-1", row.Name);
        Assert.Equal(MembershipStatus.Active, row.Status);
        Assert.Equal(("127.0.0.1", 39591, 155236303), (row.Host, row.Port, row.Generation));
        Assert.Equal(42921, row.GatewayPort);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 17, 11, 49, TimeSpan.Zero).AddTicks(2122804), row.IAmAliveTime);
        Assert.Equal("127.0.0.1:39591@155236303", row.Address);
    }

    [Fact]
    public void A_dead_silo_s_row_says_dead()
    {
        var row = MembershipRow.Parse(ActiveRow.Replace("\"Status\":3", "\"Status\":6", StringComparison.Ordinal));

        Assert.Equal(MembershipStatus.Dead, row?.Status);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("not json")]
    [InlineData("""{"SiloAddress":{"SiloAddress":"127.0.0.1"},"Status":3,"SiloName":"s","StartTime":"2026-12-02T17:11:43Z","IAmAliveTime":"2026-12-02T17:11:43Z"}""")]
    [InlineData("""{"Status":3}""")]
    public void Anything_else_is_no_row(string value) => Assert.Null(MembershipRow.Parse(value));
}
