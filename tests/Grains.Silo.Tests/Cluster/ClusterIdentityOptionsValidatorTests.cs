using Grains.Hosting.Cluster;

namespace Grains.Silo.Tests.Cluster;

public sealed class ClusterIdentityOptionsValidatorTests
{
    private readonly ClusterIdentityOptionsValidator _validator = new();

    [Fact]
    public void Defaults_are_valid_and_the_service_id_defaults_to_the_cluster_id()
    {
        var options = new ClusterIdentityOptions();

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.Equal(options.Id, options.EffectiveServiceId);
    }

    [Theory]
    [InlineData("shop-prod")]
    [InlineData("test_1.blue")]
    public void Letters_digits_dots_underscores_and_dashes_are_valid(string id)
    {
        Assert.True(_validator.Validate(null, new ClusterIdentityOptions { Id = id, ServiceId = id }).Succeeded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("a{b}")]
    [InlineData("a/b")]
    [InlineData("a:b")]
    public void A_cluster_id_that_cannot_be_part_of_a_redis_key_is_refused(string id)
    {
        var result = _validator.Validate(null, new ClusterIdentityOptions { Id = id });

        Assert.True(result.Failed);
        Assert.Contains("Cluster:Id", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cluster_id_longer_than_the_limit_is_refused()
    {
        Assert.True(_validator.Validate(null, new ClusterIdentityOptions { Id = new string('c', ClusterIdentityOptionsValidator.MaxLength) }).Succeeded);
        Assert.True(_validator.Validate(null, new ClusterIdentityOptions { Id = new string('c', ClusterIdentityOptionsValidator.MaxLength + 1) }).Failed);
    }

    [Fact]
    public void A_bad_service_id_is_refused_by_its_own_key()
    {
        var result = _validator.Validate(null, new ClusterIdentityOptions { Id = "shop", ServiceId = "shop service" });

        Assert.True(result.Failed);
        Assert.Contains("Cluster:ServiceId", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("Cluster:Id", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_id_separates_stored_state_from_the_cluster_id()
    {
        Assert.Equal("shop", new ClusterIdentityOptions { Id = "shop-blue", ServiceId = "shop" }.EffectiveServiceId);
    }
}
