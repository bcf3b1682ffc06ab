using System.Net;
using System.Net.Http.Json;
using Grains.Gateway.Tests.Infrastructure;
using Grains.Testing;

namespace Grains.Gateway.Tests;

/// <summary>
/// The routes that need no token are limited per client address, and the address is the connection's own unless the
/// connection comes from a trusted proxy: a client cannot pick its bucket by sending <c>X-Forwarded-For</c>. Each test
/// is a client of a loopback address of its own; the silo trusts only 127.0.0.1, where the gateway connects from.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AnonymousRateLimitTests(AddressLimitedCluster cluster) : IClassFixture<AddressLimitedCluster>
{
    [Fact]
    public async Task Sign_ins_from_one_address_past_its_limit_get_429_with_Retry_After_and_store_nothing()
    {
        var silo = await cluster.View.SiloUrlAsync("silo-1");
        using var busy = LoopbackClients.From(LoopbackClients.Address(2), silo);
        using var other = LoopbackClients.From(LoopbackClients.Address(3), silo);
        for (var i = 0; i < AddressLimitedCluster.Burst; i++)
        {
            using var created = await SignInAsync(busy, NewUser("busy"));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var refusedUser = NewUser("refused");
        using var refused = await SignInAsync(busy, refusedUser);

        var problem = await Problems.AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal("Too Many Requests", problem.GetProperty("title").GetString());
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(0, await cluster.View.StoredSessionCountAsync(refusedUser));

        using var otherCreated = await SignInAsync(other, NewUser("other"));
        Assert.Equal(HttpStatusCode.Created, otherCreated.StatusCode);
    }

    [Fact]
    public async Task X_Forwarded_For_sent_straight_to_a_silo_does_not_pick_the_clients_bucket()
    {
        using var client = LoopbackClients.From(LoopbackClients.Address(4), await cluster.View.SiloUrlAsync("silo-1"));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= AddressLimitedCluster.Burst; i++)
        {
            using var response = await SignInAsync(client, NewUser("spoofer"), forwardedFor: $"198.51.100.{i + 1}");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Created, AddressLimitedCluster.Burst), HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Through_the_gateway_each_client_counts_on_its_own_address_whatever_X_Forwarded_For_it_sends()
    {
        using var spoofer = LoopbackClients.From(LoopbackClients.Address(5), cluster.GatewayProcess.BaseAddress);
        using var neighbour = LoopbackClients.From(LoopbackClients.Address(6), cluster.GatewayProcess.BaseAddress);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= AddressLimitedCluster.Burst; i++)
        {
            using var response = await SignInAsync(spoofer, NewUser("spoofer"), forwardedFor: $"198.51.100.{i + 1}");
            statuses.Add(response.StatusCode);
        }

        // The gateway's own address (127.0.0.1) is not the bucket either: another client behind it still signs in.
        using var neighbourCreated = await SignInAsync(neighbour, NewUser("neighbour"));

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Created, AddressLimitedCluster.Burst), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Created, neighbourCreated.StatusCode);
    }

    [Fact]
    public async Task Product_reads_from_one_address_are_limited_too()
    {
        using var client = LoopbackClients.From(LoopbackClients.Address(7), await cluster.View.SiloUrlAsync("silo-1"));
        for (var i = 0; i < AddressLimitedCluster.Burst; i++)
        {
            using var products = await client.GetAsync(new Uri("/api/products", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, products.StatusCode);
        }

        using var refused = await client.GetAsync(new Uri("/api/products", UriKind.Relative));

        await Problems.AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    private static string NewUser(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userId, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/sessions", UriKind.Relative))
        {
            Content = JsonContent.Create(new { userId }),
        };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return await client.SendAsync(request);
    }
}
