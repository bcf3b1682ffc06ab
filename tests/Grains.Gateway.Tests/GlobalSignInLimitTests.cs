using System.Net;
using System.Net.Http.Json;
using Grains.Gateway.Tests.Infrastructure;
using Grains.Testing;

namespace Grains.Gateway.Tests;

[Trait("Category", "Integration")]
public sealed class GlobalSignInLimitTests(GloballyLimitedCluster cluster) : IClassFixture<GloballyLimitedCluster>
{
    [Fact]
    public async Task Sign_ins_past_the_silos_total_get_429_whichever_address_sends_them()
    {
        var silo = await cluster.View.SiloUrlAsync("silo-1");
        for (byte host = 2; host < 2 + GloballyLimitedCluster.Burst; host++)
        {
            using var client = LoopbackClients.From(LoopbackClients.Address(host), silo);
            using var created = await client.PostAsJsonAsync("/api/sessions", new { userId = $"early-{host}" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var late = LoopbackClients.From(LoopbackClients.Address(20), silo);
        using var refused = await late.PostAsJsonAsync("/api/sessions", new { userId = "late" });

        await Problems.AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(0, await cluster.View.StoredSessionCountAsync("late"));

        // Reads that need no token have buckets of their own.
        using var products = await late.GetAsync(new Uri("/api/products", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, products.StatusCode);
    }
}
