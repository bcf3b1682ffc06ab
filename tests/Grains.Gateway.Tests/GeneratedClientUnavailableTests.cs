using Grains.Client.Models;
using Grains.Gateway.Tests.Infrastructure;

namespace Grains.Gateway.Tests;

/// <summary>The generated client against a gateway whose cluster has no silo yet.</summary>
[Trait("Category", "Integration")]
public sealed class GeneratedClientUnavailableTests(EmptyShopCluster cluster) : IClassFixture<EmptyShopCluster>
{
    [Fact]
    public async Task Without_a_silo_the_client_gets_503_with_Retry_After()
    {
        using var client = cluster.Gateway.CreateGeneratedClient();

        var problem = await Assert.ThrowsAsync<ProblemDetails>(() => client.Shop.Api.Products.GetAsync());

        Assert.Equal((503, "Service Unavailable"), (problem.ResponseStatusCode, problem.Title));
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.6.4", problem.Type);
        Assert.Equal(["2"], problem.ResponseHeaders["Retry-After"]);
    }
}
