using Grains.Silo.FailureDetection;

namespace Grains.Silo.Tests.FailureDetection;

public sealed class FailureDetectionOptionsValidatorTests
{
    private readonly FailureDetectionOptionsValidator _validator = new();

    [Fact]
    public void Defaults_are_valid()
    {
        Assert.True(_validator.Validate(null, new FailureDetectionOptions()).Succeeded);
    }

    [Fact]
    public void Turning_the_detector_off_is_valid()
    {
        Assert.True(_validator.Validate(null, new FailureDetectionOptions { DeclareRefusingPeersDead = false }).Succeeded);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5001)]
    public void A_confirmation_delay_outside_0_to_5_seconds_is_refused(int milliseconds)
    {
        var result = _validator.Validate(null, new FailureDetectionOptions { ConfirmationDelay = TimeSpan.FromMilliseconds(milliseconds) });

        Assert.True(result.Failed);
        Assert.Contains("FailureDetection:ConfirmationDelay", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5000)]
    public void A_confirmation_delay_at_either_bound_is_valid(int milliseconds)
    {
        Assert.True(_validator.Validate(null, new FailureDetectionOptions { ConfirmationDelay = TimeSpan.FromMilliseconds(milliseconds) }).Succeeded);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_rewatch_delay_that_is_not_positive_is_refused(int milliseconds)
    {
        var result = _validator.Validate(null, new FailureDetectionOptions { RewatchDelay = TimeSpan.FromMilliseconds(milliseconds) });

        Assert.True(result.Failed);
        Assert.Contains("FailureDetection:RewatchDelay", result.FailureMessage, StringComparison.Ordinal);
    }
}
