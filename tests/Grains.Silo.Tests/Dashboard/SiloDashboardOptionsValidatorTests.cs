using Grains.Silo.Dashboard;

namespace Grains.Silo.Tests.Dashboard;

public sealed class SiloDashboardOptionsValidatorTests
{
    private readonly SiloDashboardOptionsValidator _validator = new();

    [Fact]
    public void Defaults_are_valid()
    {
        Assert.True(_validator.Validate(null, new SiloDashboardOptions()).Succeeded);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(61)]
    public void A_sampling_interval_outside_one_second_to_one_minute_is_refused(double seconds)
    {
        var result = _validator.Validate(null, new SiloDashboardOptions { CounterUpdateInterval = TimeSpan.FromSeconds(seconds) });

        Assert.True(result.Failed);
        Assert.Contains("Dashboard:CounterUpdateInterval", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(3601)]
    public void A_counters_idle_timeout_outside_five_seconds_to_an_hour_is_refused(double seconds)
    {
        var result = _validator.Validate(null, new SiloDashboardOptions { CountersIdleTimeout = TimeSpan.FromSeconds(seconds) });

        Assert.True(result.Failed);
        Assert.Contains("Dashboard:CountersIdleTimeout", result.FailureMessage, StringComparison.Ordinal);
    }
}
