using System.Net;
using Grains.Gateway.Tests.Infrastructure;
using Grains.Testing;

namespace Grains.Gateway.Tests;

[Trait("Category", "Integration")]
public sealed class LimitsAndAvailabilityTests(RateLimitedCluster cluster) : IClassFixture<RateLimitedCluster>
{
    [Fact]
    public async Task Too_many_requests_from_one_session_get_429_with_Retry_After()
    {
        using var busy = cluster.Gateway.CreateShopClient();
        using var calm = cluster.Gateway.CreateShopClient();
        await busy.SignInAsync("busy-user");
        await calm.SignInAsync("calm-user");

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await busy.GetAsync("/api/cart");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await busy.GetAsync("/api/cart");
        await Problems.AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        using var other = await calm.GetAsync("/api/cart");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task With_no_silo_a_request_gets_503_with_Retry_After_and_ready_fails()
    {
        await using var empty = new ShopGateway(new Dictionary<string, string?>
        {
            ["Cluster:Id"] = ClusterIds.Next(),
            ["Redis:ConnectionString"] = cluster.Redis.ConnectionString,
        });
        using var client = empty.CreateShopClient();

        using var products = await client.GetAsync("/api/products");
        await Problems.AssertProblemAsync(products, HttpStatusCode.ServiceUnavailable);
        Assert.True(products.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));

        using var session = await client.PostJsonAsync("/api/sessions", """{"userId":"nobody"}""");
        await Problems.AssertProblemAsync(session, HttpStatusCode.ServiceUnavailable);

        using var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var live = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task A_gateway_started_before_any_silo_serves_once_one_is_active()
    {
        var late = new EmptyShopCluster();
        try
        {
            await late.InitializeAsync();
            using var client = late.Gateway.CreateShopClient();
            await Problems.AssertProblemAsync(await client.GetAsync("/api/products"), HttpStatusCode.ServiceUnavailable);

            await late.StartSiloAsync("silo-1");

            await ShopCluster.WaitUntilReadyAsync(late.Gateway);
            await client.SignInAsync("early-bird");
            using var added = await client.AddItemAsync("TEA-001", 1);
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
            Assert.Equal("silo-1", added.Headers.GetValues("X-Silo").Single());
        }
        finally
        {
            await late.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_token_from_another_cluster_cannot_reach_a_session_here()
    {
        using var client = cluster.Gateway.CreateShopClient();
        await client.SignInAsync("cross-cluster");
        var elsewhere = new SingleSiloCluster();
        try
        {
            await elsewhere.InitializeAsync();
            using var other = elsewhere.Gateway.CreateShopClient();

            other.UseToken(client.Token);

            await Problems.AssertProblemAsync(await other.GetAsync("/api/cart"), HttpStatusCode.Unauthorized);
        }
        finally
        {
            await elsewhere.DisposeAsync();
        }
    }
}
