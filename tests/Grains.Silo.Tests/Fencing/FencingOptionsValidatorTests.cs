using Grains.Silo.Fencing;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Grains.Silo.Tests.Fencing;

public sealed class FencingOptionsValidatorTests
{
    /// <summary>The membership settings the silo runs with: the quickest death declaration takes 2 x 1 s.</summary>
    private static FencingOptionsValidator ValidatorFor(TimeSpan minProbeTimeout, int numMissedProbesLimit) =>
        new(Options.Create(new ClusterMembershipOptions { MinProbeTimeout = minProbeTimeout, NumMissedProbesLimit = numMissedProbesLimit }));

    private readonly FencingOptionsValidator _validator = ValidatorFor(TimeSpan.FromSeconds(1), 2);

    [Fact]
    public void Defaults_are_valid_with_the_silo_s_membership_settings()
    {
        Assert.True(_validator.Validate(null, new FencingOptions()).Succeeded);
    }

    [Theory]
    [InlineData(2000)]
    [InlineData(2500)]
    public void A_lease_not_shorter_than_the_quickest_death_declaration_is_refused(int leaseMilliseconds)
    {
        var result = _validator.Validate(null, new FencingOptions { LeaseDuration = TimeSpan.FromMilliseconds(leaseMilliseconds) });

        Assert.True(result.Failed);
        Assert.Contains("MinProbeTimeout x NumMissedProbesLimit", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_trouble_grace_shorter_than_a_peer_check_is_refused()
    {
        var result = _validator.Validate(null, new FencingOptions { StoreTroubleGrace = TimeSpan.FromMilliseconds(100), PeerCheckInterval = TimeSpan.FromMilliseconds(200) });

        Assert.True(result.Failed);
        Assert.Contains("Fencing:StoreTroubleGrace", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lease_just_shorter_than_the_quickest_death_declaration_is_valid()
    {
        Assert.True(_validator.Validate(null, new FencingOptions { LeaseDuration = TimeSpan.FromMilliseconds(1999) }).Succeeded);
    }

    [Fact]
    public void Membership_settings_that_declare_deaths_faster_make_the_default_lease_unsafe()
    {
        var faster = ValidatorFor(TimeSpan.FromMilliseconds(400), 2);

        var result = faster.Validate(null, new FencingOptions());

        Assert.True(result.Failed);
        Assert.Contains("Fencing:LeaseDuration", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_renew_interval_must_be_at_most_half_the_lease()
    {
        Assert.True(_validator.Validate(null, new FencingOptions { RenewInterval = TimeSpan.FromMilliseconds(500) }).Succeeded);

        var result = _validator.Validate(null, new FencingOptions { RenewInterval = TimeSpan.FromMilliseconds(501) });

        Assert.True(result.Failed);
        Assert.Contains("Fencing:RenewInterval", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 200)]
    [InlineData(1000, 0)]
    [InlineData(-1000, 200)]
    public void Durations_must_be_positive(int leaseMilliseconds, int renewMilliseconds)
    {
        var result = _validator.Validate(null, new FencingOptions
        {
            LeaseDuration = TimeSpan.FromMilliseconds(leaseMilliseconds),
            RenewInterval = TimeSpan.FromMilliseconds(renewMilliseconds),
        });

        Assert.True(result.Failed);
        Assert.Contains("must be positive", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_is_checked_when_fencing_is_off()
    {
        var result = _validator.Validate(null, new FencingOptions { Enabled = false, LeaseDuration = TimeSpan.FromMinutes(5), RenewInterval = TimeSpan.Zero });

        Assert.True(result.Succeeded);
    }
}
