using Grains.Shop.Sessions;
using Grains.Shop.Storage;

namespace Grains.Shop.Tests;

public sealed class SessionStorageTests
{
    [Theory]
    [InlineData("00:30:00", "00:01:00", 1860)]
    [InlineData("00:00:01", "00:00:00", 1)]
    [InlineData("00:00:01.200", "00:00:00.100", 2)]
    public void A_sessions_key_outlives_its_idle_timeout_and_write_interval_in_whole_seconds(string idle, string interval, int seconds) =>
        Assert.Equal(
            TimeSpan.FromSeconds(seconds),
            SessionStorage.Expiry(new SessionOptions { IdleTimeout = TimeSpan.Parse(idle, System.Globalization.CultureInfo.InvariantCulture), LastSeenWriteInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) }));
}
